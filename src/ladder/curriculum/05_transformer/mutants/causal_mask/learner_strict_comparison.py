# mutant: (learner's try) compares positions with < instead of <=
# likely: include the diagonal
import torch
from torch import Tensor


def causal_mask(t_q: int, t_k: int | None = None, device: torch.device | None = None) -> Tensor:
    if t_k is None:
        t_k = t_q
    if t_k < t_q:
        raise ValueError("t_k must be at least t_q")
    rows = torch.arange(t_q, device=device)[:, None] + (t_k - t_q)
    cols = torch.arange(t_k, device=device)[None, :]
    return cols < rows
