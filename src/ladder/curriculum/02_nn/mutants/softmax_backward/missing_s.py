# mutant: forgets the factor s
# likely: multiply by s
import numpy as np

from ladder.autograd.tensor import Tensor


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    with np.errstate(all="ignore"):
        shifted = x.data - x.data.max(axis=axis, keepdims=True)
        e = np.exp(shifted)
        s = e / e.sum(axis=axis, keepdims=True)

    def backward(g):
        return (g - (g * s).sum(axis=axis, keepdims=True),)

    return Tensor._make(s, (x,), backward, "softmax")
