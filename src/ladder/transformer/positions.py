"""Absolute position information: sinusoidal (fixed) and learned position embeddings.

Attention is permutation-equivariant: shuffle the tokens and the outputs shuffle the same
way. Adding a vector that depends on the position breaks the symmetry. Vaswani et al.
(2017, arXiv:1706.03762, §3.5) use fixed sinusoids,

    PE[pos, 2i]   = sin(pos / 10000^(2i / d_model))
    PE[pos, 2i+1] = cos(pos / 10000^(2i / d_model))

so each pair of channels is a point on a circle turning at its own frequency; moving k
positions is a fixed rotation of every pair, whatever the position. GPT-2 and BERT learn a
table instead (an ``nn.Embedding`` indexed by position).
"""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn

__all__ = ["sinusoidal_table", "SinusoidalPositions", "LearnedPositions", "check_context"]


def sinusoidal_table(n_positions: int, d_model: int, dtype: torch.dtype = torch.float32) -> Tensor:
    """The (n_positions, d_model) table of Vaswani et al.; d_model must be even.

    >>> sinusoidal_table(2, 4)[0].tolist()
    [0.0, 1.0, 0.0, 1.0]
    """
    if d_model % 2 != 0:
        raise ValueError(
            f"sinusoidal positions pair sin and cos channels, so d_model must be even, "
            f"got d_model={d_model}; use an even width."
        )
    pos = torch.arange(n_positions, dtype=torch.float64)[:, None]  # (P, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)  # (d/2,)
    angle = pos / torch.pow(10000.0, two_i / d_model)  # (P, d/2)
    table = torch.empty(n_positions, d_model, dtype=torch.float64)
    table[:, 0::2] = torch.sin(angle)
    table[:, 1::2] = torch.cos(angle)
    return table.to(dtype)


def check_context(length: int, n_positions: int) -> None:
    """Raise a clear error when a sequence is longer than the model's context."""
    if length > n_positions:
        raise ValueError(
            f"sequence of length {length} is longer than the context of {n_positions} "
            f"positions; crop it to the last {n_positions} tokens (idx[:, -{n_positions}:]) "
            "or build the model with a larger context."
        )


class SinusoidalPositions(nn.Module):
    """Add the fixed sinusoidal table to a (B, T, C) input: x + PE[offset : offset + T].

    The table is a buffer (saved with the model, never trained).
    """

    def __init__(self, n_positions: int, d_model: int):
        super().__init__()
        self.n_positions = n_positions
        self.register_buffer("table", sinusoidal_table(n_positions, d_model), persistent=False)

    def forward(self, x: Tensor, offset: int = 0) -> Tensor:
        T = x.size(1)
        check_context(offset + T, self.n_positions)
        return x + self.table[offset : offset + T].to(x.dtype)


class LearnedPositions(nn.Module):
    """Learned absolute positions (GPT-2's ``wpe``, BERT's ``position_embeddings``).

    ``forward(T, offset)`` returns the (T, C) embeddings of positions offset … offset+T−1.
    """

    def __init__(self, n_positions: int, d_model: int):
        super().__init__()
        self.n_positions = n_positions
        self.weight = nn.Parameter(torch.empty(n_positions, d_model))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, length: int, offset: int = 0) -> Tensor:
        check_context(offset + length, self.n_positions)
        return self.weight[offset : offset + length]


def _relative_rotation(k: int, d_model: int) -> Tensor:
    """The block-diagonal rotation R_k with PE[pos + k] = R_k · PE[pos] (used by tests)."""
    rot = torch.zeros(d_model, d_model, dtype=torch.float64)
    for i in range(d_model // 2):
        w = 1.0 / 10000.0 ** (2 * i / d_model)
        c, s = math.cos(k * w), math.sin(k * w)
        # [sin(a + b), cos(a + b)] = [[cos b, sin b], [−sin b, cos b]] · [sin a, cos a]
        rot[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = torch.tensor(
            [[c, s], [-s, c]], dtype=torch.float64
        )
    return rot
