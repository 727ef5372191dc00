# mutant: one minus SciPy's cosine distance
# likely: scipy.spatial.distance.cosine
import numpy as np
from scipy.spatial import distance


def cosine_similarity(u, v):
    u, v = np.asarray(u, dtype=float).ravel(), np.asarray(v, dtype=float).ravel()
    if u.shape != v.shape or not u.any() or not v.any():
        raise ValueError("need two non-zero vectors of the same length")
    return float(1 - distance.cosine(u, v))
