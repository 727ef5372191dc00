# mutant: never checks that there are at least as many keys as queries
# likely: validate the input
import torch
from torch import Tensor


def causal_mask(t_q: int, t_k: int | None = None, device: torch.device | None = None) -> Tensor:
    t_k = t_q if t_k is None else t_k
    return torch.tril(torch.ones(t_q, t_k, dtype=torch.bool, device=device), diagonal=t_k - t_q)
