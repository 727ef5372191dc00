# mutant: divides by zero when p = q
import torch


def residual_distribution(p, q):
    r = torch.clamp(p - q, min=0)
    return r / r.sum(-1, keepdim=True)
