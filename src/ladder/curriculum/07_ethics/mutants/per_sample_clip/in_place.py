# mutant: clips correctly but writes into the input tensors
import torch


def clip_per_sample(grads: dict, max_norm: float) -> dict:
    norms = torch.stack([g.reshape(len(g), -1).norm(dim=1) for g in grads.values()], 1).norm(dim=1)
    factor = (max_norm / (norms + 1e-6)).clamp(max=1.0)
    for g in grads.values():
        g.mul_(factor.reshape(-1, *([1] * (g.dim() - 1))))
    return grads
