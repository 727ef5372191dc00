# mutant: normalises along axis 0 whatever axis says
# likely: normalise along the last axis
import numpy as np

from ladder.autograd.tensor import Tensor


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    with np.errstate(all="ignore"):
        shifted = x.data - x.data.max(axis=0, keepdims=True)
        e = np.exp(shifted)
        s = e / e.sum(axis=0, keepdims=True)

    def backward(g):
        return (s * (g - (g * s).sum(axis=0, keepdims=True)),)

    return Tensor._make(s, (x,), backward, "softmax")
