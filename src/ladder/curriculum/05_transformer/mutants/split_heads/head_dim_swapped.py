# mutant: splits into n_head-wide slices: C // n_head heads of size n_head
from torch import Tensor


def split_heads(x: Tensor, n_head: int) -> Tensor:
    B, T, C = x.shape
    return x.view(B, T, C // n_head, n_head).transpose(1, 2)
