"""Grouped-query attention, GQA (Ainslie et al., 2023, arXiv:2305.13245).

Multi-head attention gives every one of the h query heads its own key and value head.
At generation time the KV cache holds 2·L·T·h·d_head numbers per sequence, and reading
it, not the arithmetic, limits the speed. Multi-query attention (Shazeer, 2019) keeps one
K/V head for all queries: a cache h times smaller, at some loss of quality. GQA sits in
between: g = n_kv_head groups, each K/V head shared by h/g query heads.

    K, V: (B, g, T, d)  →  repeat each head h/g times  →  (B, h, T, d)
    query head j reads K/V head ⌊j / (h/g)⌋

g = h is ordinary multi-head attention, g = 1 is multi-query attention. Llama-2 70B uses
h = 64, g = 8: an 8 times smaller cache. The cache stores the g heads before repetition.
"""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor, nn

from ladder.llm.rope import RotaryEmbedding
from ladder.transformer.attention import causal_mask, merge_heads, scaled_dot_product_attention
from ladder.transformer.kv_cache import KVCache

__all__ = ["repeat_kv", "check_heads", "GroupedQueryAttention"]


def repeat_kv(x: Tensor, n_rep: int) -> Tensor:
    """(B, g, T, d) → (B, g·n_rep, T, d): each K/V head repeated n_rep times in place.

    Head j of the result is head ⌊j / n_rep⌋ of x (``torch.repeat_interleave(x, n_rep,
    dim=1)``, Hugging Face's ``repeat_kv``).
    """
    if n_rep == 1:
        return x
    B, g, T, d = x.shape  # batch, kv heads, time, head dim
    return x[:, :, None, :, :].expand(B, g, n_rep, T, d).reshape(B, g * n_rep, T, d)


def check_heads(n_embd: int, n_head: int, n_kv_head: int) -> None:
    """Raise a clear ``ValueError`` unless heads divide the width and K/V heads divide heads."""
    if n_head < 1 or n_kv_head < 1:
        raise ValueError(f"n_head and n_kv_head must be ≥ 1, got {n_head} and {n_kv_head}.")
    if n_embd % n_head != 0:
        raise ValueError(
            f"n_embd={n_embd} is not divisible by n_head={n_head}; "
            "choose n_head so that every head gets n_embd / n_head channels."
        )
    if n_head % n_kv_head != 0:
        raise ValueError(
            f"n_head={n_head} is not divisible by n_kv_head={n_kv_head}; each key/value "
            "head serves a whole group of query heads, so choose n_kv_head dividing n_head."
        )


class GroupedQueryAttention(nn.Module):
    """Causal self-attention with RoPE and n_kv_head ≤ n_head key/value heads.

    Projections as in Hugging Face's ``LlamaAttention`` (q_proj, k_proj, v_proj, o_proj,
    no biases). ``fused=True`` uses torch's SDPA kernel, which repeats the K/V heads
    itself (``enable_gqa``); ``fused=False`` calls ``repeat_kv`` and the written-out
    attention of ``ladder.transformer.attention``: the same numbers.
    """

    def __init__(
        self,
        n_embd: int,
        n_head: int,
        n_kv_head: int,
        rope: RotaryEmbedding,
        dropout: float = 0.0,
        fused: bool = True,
    ):
        super().__init__()
        check_heads(n_embd, n_head, n_kv_head)
        self.n_head, self.n_kv_head = n_head, n_kv_head
        self.head_dim = n_embd // n_head
        self.dropout, self.fused = dropout, fused
        self.rope = rope  # shared by all layers; holds no parameters
        self.q_proj = nn.Linear(n_embd, n_head * self.head_dim, bias=False)
        self.k_proj = nn.Linear(n_embd, n_kv_head * self.head_dim, bias=False)
        self.v_proj = nn.Linear(n_embd, n_kv_head * self.head_dim, bias=False)
        self.o_proj = nn.Linear(n_head * self.head_dim, n_embd, bias=False)

    def forward(self, x: Tensor, cache: KVCache | None = None, layer: int = 0) -> Tensor:
        B, T, C = x.shape  # batch, time, channels
        hd = self.head_dim
        q = self.q_proj(x).view(B, T, self.n_head, hd).transpose(1, 2)  # (B, h, T, d)
        k = self.k_proj(x).view(B, T, self.n_kv_head, hd).transpose(1, 2)  # (B, g, T, d)
        v = self.v_proj(x).view(B, T, self.n_kv_head, hd).transpose(1, 2)
        offset = cache.length if cache is not None else 0
        q, k = self.rope(q, k, offset)  # rotate by absolute positions offset … offset+T−1
        if cache is not None:
            k, v = cache.append(layer, k, v)  # (B, g, offset + T, d): the small cache
        t_k = k.size(2)
        p = self.dropout if self.training else 0.0
        if self.fused:
            gqa = self.n_kv_head != self.n_head
            if t_k == T:
                y = F.scaled_dot_product_attention(q, k, v, dropout_p=p, is_causal=True,
                                                   enable_gqa=gqa)  # fmt: skip
            elif T == 1:  # one new token may see every cached one
                y = F.scaled_dot_product_attention(q, k, v, dropout_p=p, enable_gqa=gqa)
            else:
                mask = causal_mask(T, t_k, device=x.device)
                y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p,
                                                   enable_gqa=gqa)  # fmt: skip
        else:
            n_rep = self.n_head // self.n_kv_head
            k, v = repeat_kv(k, n_rep), repeat_kv(v, n_rep)
            mask = causal_mask(T, t_k, device=x.device)
            y, _ = scaled_dot_product_attention(q, k, v, mask, p, self.training)
        return self.o_proj(merge_heads(y))
