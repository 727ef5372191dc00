# mutant: divides by the norm of u only
import numpy as np


def cosine_similarity(u, v):
    u, v = np.asarray(u, dtype=float).ravel(), np.asarray(v, dtype=float).ravel()
    if u.shape != v.shape or not u.any() or not v.any():
        raise ValueError("need two non-zero vectors of the same length")
    return float(u @ v / np.linalg.norm(u))
