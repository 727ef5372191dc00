"""The transformer block: attention and a feed-forward network, each wrapped in a residual
connection and a LayerNorm — after the residual (post-norm, the 2017 paper and BERT) or
before the sub-layer (pre-norm, GPT-2 and most models since, easier to train deep).

    post-norm:  x = LN(x + Dropout(Sublayer(x)))
    pre-norm:   x = x + Dropout(Sublayer(LN(x)))

An encoder layer has self-attention then the feed-forward network; a decoder layer has
masked self-attention, cross-attention over the encoder's output ("memory"), then the
feed-forward network. Parameter names follow ``torch.nn.TransformerEncoderLayer`` /
``TransformerDecoderLayer`` (``norm1``, ``dropout1`` …; the feed-forward's ``linear1`` and
``linear2`` sit in ``ff``, torch's packed ``in_proj_weight`` is split into ``q_proj``,
``k_proj``, ``v_proj``), so weights map one to one. torch chooses the norm placement with
the flag ``norm_first``; here each placement is its own class.
"""

from __future__ import annotations

from collections.abc import Callable

import torch.nn.functional as F
from torch import Tensor, nn

from ladder.transformer.attention import MultiHeadAttention

__all__ = [
    "FeedForward",
    "PostNormEncoderLayer",
    "PreNormEncoderLayer",
    "PostNormDecoderLayer",
    "PreNormDecoderLayer",
    "ACTIVATIONS",
]

ACTIVATIONS: dict[str, Callable[[Tensor], Tensor]] = {
    "relu": F.relu,
    "gelu": F.gelu,  # exact, erf-based (BERT)
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),  # GPT-2's "gelu_new"
}


def _activation(name: str) -> Callable[[Tensor], Tensor]:
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}.")
    return ACTIVATIONS[name]


class FeedForward(nn.Module):
    """Position-wise feed-forward network: FFN(x) = W₂ · Dropout(act(W₁ x + b₁)) + b₂.

    Applied to every position independently; the width d_ff is usually 4 · d_model.
    """

    def __init__(self, d_model: int, d_ff: int, dropout: float = 0.0, activation: str = "relu"):
        super().__init__()
        self.linear1 = nn.Linear(d_model, d_ff)
        self.linear2 = nn.Linear(d_ff, d_model)
        self.dropout = nn.Dropout(dropout)
        self.act = _activation(activation)

    def forward(self, x: Tensor) -> Tensor:
        return self.linear2(self.dropout(self.act(self.linear1(x))))


class _EncoderLayer(nn.Module):
    """Parameters shared by both encoder layers (names as in ``nn.TransformerEncoderLayer``)."""

    def __init__(
        self,
        d_model: int,
        n_head: int,
        d_ff: int,
        dropout: float = 0.0,
        activation: str = "relu",
        layer_norm_eps: float = 1e-5,
    ):
        super().__init__()
        self.self_attn = MultiHeadAttention(d_model, n_head, dropout=dropout)
        self.ff = FeedForward(d_model, d_ff, dropout=dropout, activation=activation)
        self.norm1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.norm2 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.dropout1 = nn.Dropout(dropout)
        self.dropout2 = nn.Dropout(dropout)

    def _sa(self, x: Tensor, mask: Tensor | None) -> Tensor:
        return self.dropout1(self.self_attn(x, x, x, mask=mask, need_weights=False)[0])


class PostNormEncoderLayer(_EncoderLayer):
    """x = LN₁(x + SelfAttn(x)); x = LN₂(x + FFN(x)) — the 2017 paper, BERT.

    Equals ``nn.TransformerEncoderLayer(..., batch_first=True, norm_first=False)``.
    ``mask`` is a boolean keep mask broadcastable to (B, h, T, T).
    """

    def forward(self, x: Tensor, mask: Tensor | None = None) -> Tensor:
        x = self.norm1(x + self._sa(x, mask))
        return self.norm2(x + self.dropout2(self.ff(x)))


class PreNormEncoderLayer(_EncoderLayer):
    """x = x + SelfAttn(LN₁(x)); x = x + FFN(LN₂(x)) — GPT-2 and later.

    Equals ``nn.TransformerEncoderLayer(..., batch_first=True, norm_first=True)``.
    """

    def forward(self, x: Tensor, mask: Tensor | None = None) -> Tensor:
        x = x + self._sa(self.norm1(x), mask)
        return x + self.dropout2(self.ff(self.norm2(x)))


class _DecoderLayer(nn.Module):
    """Parameters shared by both decoder layers (names as in ``nn.TransformerDecoderLayer``)."""

    def __init__(
        self,
        d_model: int,
        n_head: int,
        d_ff: int,
        dropout: float = 0.0,
        activation: str = "relu",
        layer_norm_eps: float = 1e-5,
    ):
        super().__init__()
        self.self_attn = MultiHeadAttention(d_model, n_head, dropout=dropout)
        self.cross_attn = MultiHeadAttention(d_model, n_head, dropout=dropout)
        self.ff = FeedForward(d_model, d_ff, dropout=dropout, activation=activation)
        self.norm1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.norm2 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.norm3 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.dropout1 = nn.Dropout(dropout)
        self.dropout2 = nn.Dropout(dropout)
        self.dropout3 = nn.Dropout(dropout)

    def _sa(self, x: Tensor, mask: Tensor | None) -> Tensor:
        return self.dropout1(self.self_attn(x, x, x, mask=mask, need_weights=False)[0])

    def _ca(self, x: Tensor, memory: Tensor, mask: Tensor | None) -> Tensor:
        return self.dropout2(self.cross_attn(x, memory, memory, mask=mask, need_weights=False)[0])


class PostNormDecoderLayer(_DecoderLayer):
    """x = LN₁(x + SelfAttn(x)); x = LN₂(x + CrossAttn(x, memory)); x = LN₃(x + FFN(x)).

    Equals ``nn.TransformerDecoderLayer(..., batch_first=True, norm_first=False)``.
    ``self_mask``: keep mask over (T_tgt, T_tgt), usually causal; ``memory_mask``: keep mask
    over (T_tgt, T_src), usually the source padding.
    """

    def forward(
        self,
        x: Tensor,
        memory: Tensor,
        self_mask: Tensor | None = None,
        memory_mask: Tensor | None = None,
    ) -> Tensor:
        x = self.norm1(x + self._sa(x, self_mask))
        x = self.norm2(x + self._ca(x, memory, memory_mask))
        return self.norm3(x + self.dropout3(self.ff(x)))


class PreNormDecoderLayer(_DecoderLayer):
    """x = x + SelfAttn(LN₁(x)); x = x + CrossAttn(LN₂(x), memory); x = x + FFN(LN₃(x)).

    Equals ``nn.TransformerDecoderLayer(..., batch_first=True, norm_first=True)``.
    """

    def forward(
        self,
        x: Tensor,
        memory: Tensor,
        self_mask: Tensor | None = None,
        memory_mask: Tensor | None = None,
    ) -> Tensor:
        x = x + self._sa(self.norm1(x), self_mask)
        x = x + self._ca(self.norm2(x), memory, memory_mask)
        return x + self.dropout3(self.ff(self.norm3(x)))
