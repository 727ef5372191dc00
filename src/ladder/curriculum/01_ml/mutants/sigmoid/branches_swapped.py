# mutant: the two branches of np.where swapped (gives 1 - sigma)
# likely: that is 1 − σ(z)
import numpy as np


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
