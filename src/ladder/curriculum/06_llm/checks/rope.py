"""Checks for the RoPE exercise."""

import torch

from ladder.curriculum.expect import expect_close
from ladder.llm.rope import rope_tables


def _interleaved(x, cos, sin):
    x1, x2 = x[..., 0::2], x[..., 1::2]
    c, s = cos[..., : x.size(-1) // 2], sin[..., : x.size(-1) // 2]
    out = torch.empty_like(x)
    out[..., 0::2] = x1 * c - x2 * s
    out[..., 1::2] = x1 * s + x2 * c
    return out


def _backwards(x, cos, sin):
    x1, x2 = x.chunk(2, dim=-1)
    return x * cos - torch.cat([-x2, x1], dim=-1) * sin


def check_rotates_like_llama(submitted, reference):
    """rotates a (batch 2, heads 3, positions 5, width 8) query by its positions' angles"""
    g = torch.Generator().manual_seed(0)
    q = torch.randn(2, 3, 5, 8, generator=g)
    cos, sin = rope_tables(12, 8)
    cos, sin = cos[7:12], sin[7:12]  # positions 7 … 11, as after a cache of 7 tokens
    want = reference(q.clone(), cos, sin)
    expect_close(
        submitted(q.clone(), cos, sin), want, rtol=1e-5, atol=1e-6,
        inputs={"x": "(2, 3, 5, 8) random", "positions": "7 … 11", "head_dim": 8},
        mistakes=[
            (_interleaved(q, cos, sin), "Llama pairs channel j with j + d/2 (rotate half), "
                                        "not neighbouring channels 2i and 2i + 1"),
            (_backwards(q, cos, sin), "rotate_half([x₁, x₂]) is [−x₂, x₁]: you turned the "
                                      "other way"),
            (q * cos, "add rotate_half(x) ⊙ sin"),
        ],
    )  # fmt: skip


def check_position_zero_and_length(submitted, reference):
    """position 0 turns by 0 (x unchanged), and a rotation keeps each vector's length"""
    g = torch.Generator().manual_seed(1)
    x = torch.randn(1, 4, 6, generator=g, dtype=torch.float64)
    cos, sin = rope_tables(4, 6, dtype=torch.float64)
    got = submitted(x.clone(), cos, sin)
    expect_close(got[:, 0], x[:, 0], rtol=1e-12, atol=1e-12, inputs={"position": 0},
                 what="the vector at position 0")  # fmt: skip
    expect_close(got.norm(dim=-1), x.norm(dim=-1), rtol=1e-12, atol=1e-12,
                 inputs={"x": "(1, 4, 6) float64"}, what="the lengths after rotation")  # fmt: skip
