# mutant: takes the absolute value, so opposite vectors give 1
# likely: do not take absolute values
import numpy as np


def cosine_similarity(u, v):
    u, v = np.asarray(u, dtype=float).ravel(), np.asarray(v, dtype=float).ravel()
    if u.shape != v.shape or not u.any() or not v.any():
        raise ValueError("need two non-zero vectors of the same length")
    return abs(float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v))))
