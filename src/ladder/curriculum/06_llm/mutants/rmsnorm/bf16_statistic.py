# mutant: computes the statistic in the input's dtype (bfloat16)
import torch


def rms_norm(x, weight, eps=1e-6):
    return weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))
