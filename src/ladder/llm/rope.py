"""Rotary position embeddings, RoPE (Su et al., 2021, arXiv:2104.09864).

GPT-2 adds a learned position vector to each token. RoPE instead *rotates* every query and
key: split the head's d channels into d/2 pairs; pair i of the vector at position m turns
by the angle m·θ_i, with θ_i = base^(−2i/d) (base 10,000). A dot product of two rotated
vectors depends on the angle between them, so

    ⟨R(m) q, R(n) k⟩ = ⟨q, R(n − m) k⟩

the attention score sees only the *relative* offset n − m, with no parameters to learn and
no table to outgrow. Low pairs turn fast (local order), high pairs slowly (long range).

Which channels form a pair is a convention. Llama's Hugging Face code pairs channel j with
j + d/2 ("rotate half"): with c = cos(mθ), s = sin(mθ) repeated over both halves,

    RoPE(x) = x ⊙ c + rotate_half(x) ⊙ s,   rotate_half([x₁, x₂]) = [−x₂, x₁]

The original paper pairs neighbours (2i, 2i+1); the two differ by a fixed permutation of
the channels of W_q and W_k, so both models are equally good. We use rotate-half, so
Hugging Face Llama weights load without permuting.
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

__all__ = ["rope_frequencies", "rope_tables", "rotate_half", "apply_rope", "RotaryEmbedding"]


def rope_frequencies(
    head_dim: int, base: float = 10000.0, dtype: torch.dtype = torch.float32
) -> Tensor:
    """θ_i = base^(−2i/d) for i = 0 … d/2 − 1 (d = ``head_dim``, even)."""
    if head_dim % 2 != 0 or head_dim < 2:
        raise ValueError(
            f"RoPE rotates channel pairs, so head_dim must be even, got {head_dim}; "
            "choose n_embd / n_head even."
        )
    if not base > 1:
        raise ValueError(f"the RoPE base must be > 1, got {base}; Llama uses 10000.")
    return 1.0 / (base ** (torch.arange(0, head_dim, 2, dtype=dtype) / head_dim))


def rope_tables(
    n_positions: int, head_dim: int, base: float = 10000.0, dtype: torch.dtype = torch.float32
) -> tuple[Tensor, Tensor]:
    """cos and sin of m·θ_i for m = 0 … n_positions − 1, each (n_positions, head_dim).

    The d/2 angles are repeated over both halves ([θ, θ]) for the rotate-half pairing.
    """
    inv_freq = rope_frequencies(head_dim, base, dtype)
    angles = torch.arange(n_positions, dtype=dtype)[:, None] * inv_freq[None, :]
    emb = torch.cat([angles, angles], dim=-1)  # (T, d)
    return emb.cos(), emb.sin()


def rotate_half(x: Tensor) -> Tensor:
    """[x₁, x₂] → [−x₂, x₁] on the last dimension (x₁, x₂ its two halves)."""
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat([-x2, x1], dim=-1)


def apply_rope(x: Tensor, cos: Tensor, sin: Tensor) -> Tensor:
    """Rotate x (…, T, d) by the angles of its positions: x ⊙ cos + rotate_half(x) ⊙ sin.

    ``cos`` and ``sin`` are the (T, d) rows of the positions of x's T tokens.

    >>> cos, sin = rope_tables(2, 2)
    >>> apply_rope(torch.tensor([[1.0, 0.0], [1.0, 0.0]]), cos, sin)  # turned by 0 and 1 rad
    tensor([[1.0000, 0.0000],
            [0.5403, 0.8415]])
    """
    return x * cos + rotate_half(x) * sin


class RotaryEmbedding(nn.Module):
    """Precomputed cos/sin tables for ``max_positions`` positions; no parameters.

    ``forward(q, k, offset)`` rotates q and k (B, h, T, d) as tokens at positions
    ``offset … offset + T − 1`` (the offset is the length of the KV cache). Equals Hugging
    Face's ``LlamaRotaryEmbedding`` followed by ``apply_rotary_pos_emb``.
    """

    def __init__(self, head_dim: int, max_positions: int, base: float = 10000.0):
        super().__init__()
        cos, sin = rope_tables(max_positions, head_dim, base)
        # buffers move with .to(device) but are not weights: left out of the state dict
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)

    def forward(self, q: Tensor, k: Tensor, offset: int = 0) -> tuple[Tensor, Tensor]:
        T = q.size(-2)
        cos = self.cos[offset : offset + T].to(q.dtype)
        sin = self.sin[offset : offset + T].to(q.dtype)
        return apply_rope(q, cos, sin), apply_rope(k, cos, sin)
