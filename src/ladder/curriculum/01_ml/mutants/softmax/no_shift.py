# mutant: no max subtraction: exp(1000) overflows
# likely: subtract each row
import numpy as np


def softmax(Z) -> np.ndarray:
    Z = np.asarray(Z, dtype=float)
    with np.errstate(all="ignore"):
        E = np.exp(Z)
        return E / E.sum(axis=1, keepdims=True)
