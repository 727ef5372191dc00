# mutant: multiplies sample_weight in but counts the cells with ones
# likely: count the cells with the sample weights too
import numpy as np


def reweighing_weights(y, sensitive_features, sample_weight=None):
    y, g = np.asarray(y), np.asarray(sensitive_features)
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    n, out = len(y), w.copy()
    for a in np.unique(g):
        for c in np.unique(y):
            cell = (g == a) & (y == c)
            out[cell] *= np.sum(g == a) * np.sum(y == c) / (n * cell.sum())
    return out
