# mutant: interleaves the heads channel by channel: (d, h) order instead of (h, d)
# likely: head 0's d channels, then head 1's
from torch import Tensor


def merge_heads(x: Tensor) -> Tensor:
    B, H, T, D = x.shape
    return x.permute(0, 2, 3, 1).reshape(B, T, D * H)
