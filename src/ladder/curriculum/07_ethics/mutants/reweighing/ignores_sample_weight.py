# mutant: ignores sample_weight entirely
# likely: you ignored sample_weight
import numpy as np


def reweighing_weights(y, sensitive_features, sample_weight=None):
    y, g = np.asarray(y), np.asarray(sensitive_features)
    n, out = len(y), np.ones(len(y))
    for a in np.unique(g):
        for c in np.unique(y):
            cell = (g == a) & (y == c)
            out[cell] = np.sum(g == a) * np.sum(y == c) / (n * cell.sum())
    return out
