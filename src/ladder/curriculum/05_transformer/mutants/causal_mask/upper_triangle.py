# mutant: keeps the upper triangle (the future) instead of the lower
# likely: that is the upper triangle
import torch
from torch import Tensor


def causal_mask(t_q: int, t_k: int | None = None, device: torch.device | None = None) -> Tensor:
    t_k = t_q if t_k is None else t_k
    if t_k < t_q:
        raise ValueError(f"need t_k >= t_q, got t_q={t_q}, t_k={t_k}")
    ones = torch.ones(t_q, t_k, dtype=torch.bool, device=device)
    return torch.triu(ones, diagonal=t_k - t_q)
