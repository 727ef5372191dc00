# mutant: the backward sums g over the tokens and gives every row that sum
import numpy as np

from ladder.autograd.tensor import Tensor


def embedding(weight: Tensor, indices) -> Tensor:
    idx = np.asarray(indices)
    if idx.size and (idx.min() < 0 or idx.max() >= weight.shape[0]):
        raise IndexError(f"indices must lie in [0, {weight.shape[0]})")
    out = weight.data[idx]

    def backward(g):
        return (np.broadcast_to(g.reshape(-1, weight.shape[1]).sum(0), weight.shape).copy(),)

    return Tensor._make(out, (weight,), backward, "embedding")
