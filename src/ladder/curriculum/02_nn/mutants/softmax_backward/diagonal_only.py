# mutant: uses only the diagonal of the Jacobian
# likely: only the diagonal of the Jacobian
import numpy as np

from ladder.autograd.tensor import Tensor


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    with np.errstate(all="ignore"):
        shifted = x.data - x.data.max(axis=axis, keepdims=True)
        e = np.exp(shifted)
        s = e / e.sum(axis=axis, keepdims=True)

    def backward(g):
        return (s * (1 - s) * g,)

    return Tensor._make(s, (x,), backward, "softmax")
