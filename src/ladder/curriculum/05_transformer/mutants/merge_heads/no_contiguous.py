# mutant: calls .view on the transposed (non-contiguous) tensor
from torch import Tensor


def merge_heads(x: Tensor) -> Tensor:
    B, H, T, D = x.shape
    return x.transpose(1, 2).view(B, T, H * D)
