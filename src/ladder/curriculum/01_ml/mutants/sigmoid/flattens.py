# mutant: works on the flattened input and loses the shape
import numpy as np


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z.ravel()))
    return np.where(z.ravel() >= 0, 1 / (1 + e), e / (1 + e))
