# mutant: shifts the diagonal the wrong way (t_q − t_k)
import torch
from torch import Tensor


def causal_mask(t_q: int, t_k: int | None = None, device: torch.device | None = None) -> Tensor:
    t_k = t_q if t_k is None else t_k
    if t_k < t_q:
        raise ValueError(f"need t_k >= t_q, got t_q={t_q}, t_k={t_k}")
    ones = torch.ones(t_q, t_k, dtype=torch.bool, device=device)
    return torch.tril(ones, diagonal=t_q - t_k)
