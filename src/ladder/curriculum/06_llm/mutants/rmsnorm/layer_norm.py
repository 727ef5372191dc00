# mutant: subtracts the mean (LayerNorm)
# likely: that is LayerNorm
import torch


def rms_norm(x, weight, eps=1e-6):
    x32 = x.to(torch.promote_types(x.dtype, torch.float32))
    x32 = x32 - x32.mean(-1, keepdim=True)
    return weight * (x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + eps)).to(x.dtype)
