# mutant: rescales every example to exactly max_norm (short gradients grow)
# likely: cap the factor at 1
import torch


def clip_per_sample(grads: dict, max_norm: float) -> dict:
    norms = torch.stack([g.reshape(len(g), -1).norm(dim=1) for g in grads.values()], 1).norm(dim=1)
    factor = max_norm / (norms + 1e-6)
    return {k: g * factor.reshape(-1, *([1] * (g.dim() - 1))) for k, g in grads.items()}
