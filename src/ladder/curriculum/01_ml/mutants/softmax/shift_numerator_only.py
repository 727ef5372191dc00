# mutant: subtracts the row maximum in the numerator only
# likely: subtract the row maximum in the denominator
import numpy as np


def softmax(Z) -> np.ndarray:
    Z = np.asarray(Z, dtype=float)
    top = Z.max(axis=1, keepdims=True)
    with np.errstate(over="ignore"):
        return np.exp(Z - top) / np.sum(np.exp(Z), axis=1, keepdims=True)
