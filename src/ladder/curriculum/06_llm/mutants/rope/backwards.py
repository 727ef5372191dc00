# mutant: rotates the other way ([x2, -x1])
# likely: you turned the other way
import torch


def apply_rope(x, cos, sin):
    x1, x2 = x.chunk(2, dim=-1)
    return x * cos + torch.cat([x2, -x1], dim=-1) * sin
