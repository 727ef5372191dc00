# mutant: full[idx] += g, which NumPy buffers: repeated rows are added once
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
        full[idx] += g
        return (full,)

    return Tensor._make(out, (weight,), backward, "embedding")
