# mutant: subtracts the global maximum instead of each row's
# likely: each row's own maximum
import numpy as np


def softmax(Z) -> np.ndarray:
    Z = np.asarray(Z, dtype=float)
    with np.errstate(all="ignore"):
        E = np.exp(Z - Z.max())
        return E / E.sum(axis=1, keepdims=True)
