# mutant: stops at (B, T, n_head, d): time stays before heads
from torch import Tensor


def split_heads(x: Tensor, n_head: int) -> Tensor:
    B, T, C = x.shape
    return x.view(B, T, n_head, C // n_head)
