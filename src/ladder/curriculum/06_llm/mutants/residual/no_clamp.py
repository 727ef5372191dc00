# mutant: normalises p − q without clamping at 0
# likely: clamp p − q at 0
import torch


def residual_distribution(p, q):
    r = p - q
    total = r.sum(-1, keepdim=True)
    return torch.where(total.abs() > 0, r / total, p)
