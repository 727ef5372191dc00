"""Multi-head attention: h attentions on learned projections, concatenated, projected.

    head_i = Attention(X_q W_i^Q, X_kv W_i^K, X_kv W_i^V)
    MHA(X_q, X_kv) = Concat(head_1, …, head_h) W^O

The layers are built for you (one d×d projection computes all heads at once). Write
``forward``: project query, key and value, split each into heads, run scaled dot-product
attention with ``mask`` (boolean keep mask, broadcastable to (B, h, T_q, T_k)), merge the
heads, apply ``out_proj``. Return ``(output (B, T_q, C), weights (B, h, T_q, T_k))``.
You may use ``split_heads``, ``merge_heads`` and ``scaled_dot_product_attention`` from
``ladder.transformer.attention`` (your earlier exercises). The matching library class is
``torch.nn.MultiheadAttention(d_model, n_head, batch_first=True)``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor, nn

from ladder.transformer.attention import merge_heads, scaled_dot_product_attention, split_heads


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model: int, n_head: int, dropout: float = 0.0, bias: bool = True):
        super().__init__()
        if d_model % n_head != 0:
            raise ValueError(f"d_model={d_model} is not divisible by n_head={n_head}.")
        self.d_model = d_model
        self.n_head = n_head
        self.dropout = dropout
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def forward(
        self, query: Tensor, key: Tensor, value: Tensor, mask: Tensor | None = None
    ) -> tuple[Tensor, Tensor]:
        # TODO: project, split into heads, attend, merge, project out.
        raise NotImplementedError
