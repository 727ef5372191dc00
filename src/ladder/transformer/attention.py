"""Scaled dot-product attention, its masks, and multi-head attention.

Attention lets every query position read a weighted average of the value vectors, the
weights coming from how well its query matches each key (Vaswani et al., 2017,
arXiv:1706.03762):

    Attention(Q, K, V) = softmax(Q Kᵀ / √d_k + M) V

with Q: (…, T_q, d_k), K: (…, T_k, d_k), V: (…, T_k, d_v) and M an additive mask that is 0
where a query may look and −∞ where it may not. Here a mask is a **boolean "keep" mask**
(True = may attend), the convention of ``torch.nn.functional.scaled_dot_product_attention``.
Note that ``torch.nn.MultiheadAttention`` uses the opposite convention (True = blocked) for
both ``attn_mask`` and ``key_padding_mask``.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import Tensor, nn

__all__ = [
    "scaled_dot_product_attention",
    "causal_mask",
    "padding_mask",
    "split_heads",
    "merge_heads",
    "MultiHeadAttention",
]


def scaled_dot_product_attention(
    q: Tensor,
    k: Tensor,
    v: Tensor,
    mask: Tensor | None = None,
    dropout_p: float = 0.0,
    training: bool = False,
) -> tuple[Tensor, Tensor]:
    """Return ``(softmax(Q Kᵀ/√d_k, masked) V, weights)``, written out step by step.

    Shapes: q (…, T_q, d_k), k (…, T_k, d_k), v (…, T_k, d_v), mask broadcastable to
    (…, T_q, T_k) with True where the query may attend. Returns the output (…, T_q, d_v)
    and the attention weights (…, T_q, T_k); each row of the weights sums to 1. A query
    row whose keys are all masked gets zero weights (and a zero output) instead of NaN.
    Matches ``torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)``.

    >>> q = k = v = torch.eye(2).unsqueeze(0)
    >>> out, w = scaled_dot_product_attention(q, k, v)
    >>> w.shape
    torch.Size([1, 2, 2])
    """
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)  # (…, T_q, T_k)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    if mask is not None:
        # a row of only −∞ gives 0/0 = NaN; such a query has nothing to read
        weights = torch.nan_to_num(weights, nan=0.0)
    if dropout_p > 0.0 and training:
        weights = F.dropout(weights, p=dropout_p, training=True)
    return weights @ v, weights


def causal_mask(t_q: int, t_k: int | None = None, device: torch.device | None = None) -> Tensor:
    """Boolean (T_q, T_k) mask: query i may attend key j iff j ≤ i + (T_k − T_q).

    With T_k = T_q this is the lower triangle (no peeking at the future). With a KV cache
    the T_q new queries are the *last* positions of a length-T_k sequence, hence the offset.

    >>> causal_mask(3).int().tolist()
    [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
    """
    t_k = t_q if t_k is None else t_k
    if t_k < t_q:
        raise ValueError(
            f"causal_mask needs at least as many keys as queries, got t_q={t_q}, t_k={t_k}; "
            "pass the full key length (cached + new) as t_k."
        )
    ones = torch.ones(t_q, t_k, dtype=torch.bool, device=device)
    return torch.tril(ones, diagonal=t_k - t_q)


def padding_mask(attention_mask: Tensor) -> Tensor:
    """Turn a (B, T) 1/0 mask of real/padding tokens into a (B, 1, 1, T) boolean keep mask.

    The result broadcasts over heads and query positions: no query attends to padding.
    Hugging Face calls the (B, T) input ``attention_mask``;
    ``torch.nn.MultiheadAttention`` wants its negation as ``key_padding_mask``.
    """
    if attention_mask.dim() != 2:
        raise ValueError(
            f"attention_mask must have shape (batch, time), got {tuple(attention_mask.shape)}; "
            "pass one row of 1 (token) / 0 (padding) per sequence."
        )
    return attention_mask.bool()[:, None, None, :]


def split_heads(x: Tensor, n_head: int) -> Tensor:
    """(B, T, C) → (B, n_head, T, C / n_head): each head sees its own slice of channels."""
    B, T, C = x.shape  # batch, time, channels
    return x.view(B, T, n_head, C // n_head).transpose(1, 2)


def merge_heads(x: Tensor) -> Tensor:
    """(B, n_head, T, head_dim) → (B, T, n_head · head_dim): concatenate the heads again."""
    B, H, T, D = x.shape  # batch, heads, time, head dim
    return x.transpose(1, 2).contiguous().view(B, T, H * D)


class MultiHeadAttention(nn.Module):
    """Multi-head attention: h attentions on learned projections, concatenated, projected.

        head_i = Attention(X_q W_i^Q, X_kv W_i^K, X_kv W_i^V)
        MHA(X_q, X_kv) = Concat(head_1, …, head_h) W^O

    Batch-first like ``torch.nn.MultiheadAttention(d_model, n_head, batch_first=True)``; the
    four projections are separate ``nn.Linear`` layers (``q_proj``, ``k_proj``, ``v_proj``,
    ``out_proj``); torch packs the first three into one ``in_proj_weight`` of shape (3C, C).
    ``forward`` returns the output (B, T_q, C) and the per-head weights (B, h, T_q, T_k),
    or ``None`` for the weights with ``need_weights=False``.
    """

    def __init__(self, d_model: int, n_head: int, dropout: float = 0.0, bias: bool = True):
        super().__init__()
        if d_model % n_head != 0:
            raise ValueError(
                f"d_model={d_model} is not divisible by n_head={n_head}; "
                "choose n_head so that every head gets d_model / n_head channels."
            )
        self.d_model = d_model
        self.n_head = n_head
        self.dropout = dropout
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def forward(
        self,
        query: Tensor,
        key: Tensor,
        value: Tensor,
        mask: Tensor | None = None,
        need_weights: bool = True,
    ) -> tuple[Tensor, Tensor | None]:
        q = split_heads(self.q_proj(query), self.n_head)  # (B, h, T_q, d)
        k = split_heads(self.k_proj(key), self.n_head)  # (B, h, T_k, d)
        v = split_heads(self.v_proj(value), self.n_head)  # (B, h, T_k, d)
        # Without weights to return (the transformer layers' case, as in torch's), torch's
        # fused kernel does the same arithmetic in one call, unless a query row has no key
        # to attend to: there the fused kernel's result is not the zero output defined above.
        if need_weights or (mask is not None and not bool(mask.any(-1).all())):
            out, weights = scaled_dot_product_attention(
                q, k, v, mask=mask, dropout_p=self.dropout, training=self.training
            )
        else:
            p = self.dropout if self.training else 0.0
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p)
            weights = None
        return self.out_proj(merge_heads(out)), weights
