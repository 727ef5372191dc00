# mutant: the "norms" are sums of squares, without the square root
# likely: square root
import numpy as np


def cosine_similarity(u, v):
    u, v = np.asarray(u, dtype=float).ravel(), np.asarray(v, dtype=float).ravel()
    if u.shape != v.shape or not u.any() or not v.any():
        raise ValueError("need two non-zero vectors of the same length")
    return float(u @ v / ((u @ u) * (v @ v)))
