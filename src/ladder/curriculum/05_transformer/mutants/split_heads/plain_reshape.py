# mutant: a plain reshape to (B, n_head, T, d), which mixes time steps into heads
# likely: a plain reshape mixes time steps into heads
from torch import Tensor


def split_heads(x: Tensor, n_head: int) -> Tensor:
    B, T, C = x.shape
    return x.reshape(B, n_head, T, C // n_head)
