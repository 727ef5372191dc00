"""The sinusoidal position table of Vaswani et al. (2017).

    PE[pos, 2i]   = sin(pos / 10000^(2i / d_model))
    PE[pos, 2i+1] = cos(pos / 10000^(2i / d_model))

Return an (n_positions, d_model) tensor of ``dtype`` (compute in float64, then convert).
Raise ValueError when d_model is odd (sin and cos come in pairs). Row 0 is
[0, 1, 0, 1, …].

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def sinusoidal_table(n_positions: int, d_model: int, dtype: torch.dtype = torch.float32) -> Tensor:
    # TODO: positions as a column, 2i as a row, angles = pos / 10000**(2i / d); fill sin/cos.
    raise NotImplementedError
