# mutant: adds eps outside the square root
# likely: eps goes inside the square root
import torch


def rms_norm(x, weight, eps=1e-6):
    x32 = x.to(torch.promote_types(x.dtype, torch.float32))
    return weight * (x32 / (x32.pow(2).mean(-1, keepdim=True).sqrt() + eps)).to(x.dtype)
