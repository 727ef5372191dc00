# mutant: pairs neighbouring channels (2i, 2i+1) instead of rotate-half
# likely: Llama pairs channel j with j + d/2
import torch


def apply_rope(x, cos, sin):
    x1, x2 = x[..., 0::2], x[..., 1::2]
    c, s = cos[..., : x.size(-1) // 2], sin[..., : x.size(-1) // 2]
    out = torch.empty_like(x)
    out[..., 0::2] = x1 * c - x2 * s
    out[..., 1::2] = x1 * s + x2 * c
    return out
