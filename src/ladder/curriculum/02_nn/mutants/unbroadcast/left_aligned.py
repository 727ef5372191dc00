# mutant: matches shape against grad's axes from the left, before removing the leading axes
import numpy as np


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if axes:
        grad = grad.sum(axis=axes, keepdims=True)
    extra = grad.ndim - len(shape)
    return grad.sum(axis=tuple(range(extra)))
