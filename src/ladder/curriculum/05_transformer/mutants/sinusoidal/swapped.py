# mutant: cosine in the even channels, sine in the odd ones
# likely: sin goes in the even channels
import torch
from torch import Tensor


def sinusoidal_table(n_positions: int, d_model: int, dtype: torch.dtype = torch.float32) -> Tensor:
    if d_model % 2:
        raise ValueError(f"d_model must be even, got {d_model}")
    pos = torch.arange(n_positions, dtype=torch.float64)[:, None]
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    table = torch.empty(n_positions, d_model, dtype=torch.float64)
    angle = pos / 10000 ** (two_i / d_model)
    table[:, 0::2] = torch.cos(angle)
    table[:, 1::2] = torch.sin(angle)
    return table.to(dtype)
