# mutant: plain fancy assignment in the backward: a repeated token keeps one gradient
# likely: use np.add.at to sum
import numpy as np

from ladder.autograd.tensor import Tensor


def embedding(weight: Tensor, indices) -> Tensor:
    idx = np.asarray(indices)
    if idx.size and (idx.min() < 0 or idx.max() >= weight.shape[0]):
        raise IndexError(f"indices must lie in [0, {weight.shape[0]})")
    out = weight.data[idx]

    def backward(g):
        full = np.zeros_like(weight.data)
        full[idx.ravel()] = g.reshape(-1, weight.shape[1])
        return (full,)

    return Tensor._make(out, (weight,), backward, "embedding")
