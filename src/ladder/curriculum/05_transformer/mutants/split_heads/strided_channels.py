# mutant: gives head h every n_head-th channel (h, h + n_head, …) instead of a block
# likely: head h gets channels h·d … (h+1)·d − 1
from torch import Tensor


def split_heads(x: Tensor, n_head: int) -> Tensor:
    B, T, C = x.shape
    return x.view(B, T, C // n_head, n_head).permute(0, 3, 1, 2)
