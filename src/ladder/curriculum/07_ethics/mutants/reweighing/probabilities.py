# mutant: divides by n twice, so the weights sum to 1 instead of n
# likely: the weights should sum to n
import numpy as np


def reweighing_weights(y, sensitive_features, sample_weight=None):
    y, g = np.asarray(y), np.asarray(sensitive_features)
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    n, out = w.sum(), w.copy()
    for a in np.unique(g):
        for c in np.unique(y):
            cell = (g == a) & (y == c)
            out[cell] *= w[g == a].sum() * w[y == c].sum() / (n * w[cell].sum()) / n
    return out
