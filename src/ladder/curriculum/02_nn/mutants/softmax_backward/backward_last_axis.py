# mutant: the backward sums along the last axis whatever axis says
# likely: sum along the same axis
import numpy as np

from ladder.autograd.tensor import Tensor


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    with np.errstate(all="ignore"):
        shifted = x.data - x.data.max(axis=axis, keepdims=True)
        e = np.exp(shifted)
        s = e / e.sum(axis=axis, keepdims=True)

    def backward(g):
        return (s * (g - (g * s).sum(axis=-1, keepdims=True)),)

    return Tensor._make(s, (x,), backward, "softmax")
