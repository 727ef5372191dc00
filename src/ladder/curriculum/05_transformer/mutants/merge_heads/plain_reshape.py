# mutant: flattens (B, h, T, d) straight to (B, T, h·d) without moving time first
# likely: move time before heads first
from torch import Tensor


def merge_heads(x: Tensor) -> Tensor:
    B, H, T, D = x.shape
    return x.reshape(B, T, H * D)
