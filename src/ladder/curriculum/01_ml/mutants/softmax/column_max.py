# mutant: subtracts each column's maximum
import numpy as np


def softmax(Z) -> np.ndarray:
    Z = np.asarray(Z, dtype=float)
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)
