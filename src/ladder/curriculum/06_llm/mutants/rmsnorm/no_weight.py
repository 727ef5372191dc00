# mutant: forgets the weight
# likely: multiply the normalised x by weight
import torch


def rms_norm(x, weight, eps=1e-6):
    x32 = x.to(torch.promote_types(x.dtype, torch.float32))
    return (x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + eps)).to(x.dtype)
