# mutant: forgets to renormalise
# likely: renormalise
import torch


def residual_distribution(p, q):
    return torch.clamp(p - q, min=0)
