# mutant: max(0, q − p) instead of max(0, p − q)
# likely: not q − p
import torch


def residual_distribution(p, q):
    r = torch.clamp(q - p, min=0)
    total = r.sum(-1, keepdim=True)
    return torch.where(total > 0, r / total.clamp(min=1e-300), p)
