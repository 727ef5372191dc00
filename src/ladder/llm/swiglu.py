"""SwiGLU, the gated feed-forward network of Llama (Shazeer, 2020, arXiv:2002.05202).

GPT-2's feed-forward is W₂ GELU(W₁ x). A gated linear unit multiplies two projections of
x, one passed through a nonlinearity that acts as a gate:

    SwiGLU(x) = W_down ( SiLU(W_gate x) ⊙ W_up x ),   SiLU(z) = z · σ(z)

Three matrices instead of two; to keep the parameter count of a 4d-wide MLP, the hidden
width is about (2/3)·4d = 8d/3 (Llama rounds it up to a multiple of 256). Shazeer found
the gated variants train to a lower loss at the same compute. Names follow Hugging Face's
``LlamaMLP`` (gate_proj, up_proj, down_proj), so weights map one to one.
"""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor, nn

__all__ = ["swiglu", "SwiGLU", "llama_hidden_size"]


def swiglu(x: Tensor, w_gate: Tensor, w_up: Tensor, w_down: Tensor) -> Tensor:
    """``(silu(x W_gateᵀ) * (x W_upᵀ)) W_downᵀ`` with nn.Linear-shaped (out, in) weights."""
    return F.linear(F.silu(F.linear(x, w_gate)) * F.linear(x, w_up), w_down)


def llama_hidden_size(n_embd: int, multiple_of: int = 256) -> int:
    """Llama's hidden width: 8·n_embd/3 rounded up to a multiple of ``multiple_of``.

    >>> llama_hidden_size(4096)  # Llama-1/2 7B
    11008
    """
    hidden = int(2 * 4 * n_embd / 3)
    return multiple_of * ((hidden + multiple_of - 1) // multiple_of)


class SwiGLU(nn.Module):
    """The feed-forward network down(silu(gate(x)) * up(x)), without biases (Llama)."""

    def __init__(self, n_embd: int, hidden: int, bias: bool = False):
        super().__init__()
        if n_embd < 1 or hidden < 1:
            raise ValueError(
                f"SwiGLU widths must be positive integers, got n_embd={n_embd}, hidden={hidden}."
            )
        self.gate_proj = nn.Linear(n_embd, hidden, bias=bias)
        self.up_proj = nn.Linear(n_embd, hidden, bias=bias)
        self.down_proj = nn.Linear(hidden, n_embd, bias=bias)

    def forward(self, x: Tensor) -> Tensor:
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))
