# mutant: only sums the added leading axes
# likely: also sum over the axes where shape has 1
import numpy as np


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    extra = grad.ndim - len(shape)
    return grad.sum(axis=tuple(range(extra)))
