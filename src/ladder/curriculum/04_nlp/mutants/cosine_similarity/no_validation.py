# mutant: no checks: a zero vector gives nan, different lengths a NumPy error
import numpy as np


def cosine_similarity(u, v):
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))
