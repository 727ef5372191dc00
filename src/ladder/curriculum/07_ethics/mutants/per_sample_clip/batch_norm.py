# mutant: one norm for the whole batch instead of one per example
import torch


def clip_per_sample(grads: dict, max_norm: float) -> dict:
    total = torch.sqrt(sum((g**2).sum() for g in grads.values()))
    factor = (max_norm / (total + 1e-6)).clamp(max=1.0)
    return {k: g * factor for k, g in grads.items()}
