# mutant: checks only the upper end; a negative index silently reads from the end
# likely: validate the input
import numpy as np

from ladder.autograd.tensor import Tensor


def embedding(weight: Tensor, indices) -> Tensor:
    idx = np.asarray(indices)
    if idx.size and idx.max() >= weight.shape[0]:
        raise IndexError(f"indices must be below {weight.shape[0]}")
    out = weight.data[idx]

    def backward(g):
        full = np.zeros_like(weight.data)
        np.add.at(full, idx.ravel(), g.reshape(-1, weight.shape[1]))
        return (full,)

    return Tensor._make(out, (weight,), backward, "embedding")
