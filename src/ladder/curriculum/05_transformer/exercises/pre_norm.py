"""A pre-norm transformer encoder layer (GPT-2 and most models since).

    x = x + Dropout₁(SelfAttn(LN₁(x)))
    x = x + Dropout₂(FFN(LN₂(x)))

``self.self_attn(q, k, v, mask=mask)`` returns ``(output, weights)``; use the output.
``mask`` is a boolean keep mask (True = may attend) or None. The layers are built for
you; write ``forward``. The matching library class is
``torch.nn.TransformerEncoderLayer(..., batch_first=True, norm_first=True)``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor, nn

from ladder.transformer.attention import MultiHeadAttention
from ladder.transformer.block import FeedForward


class PreNormEncoderLayer(nn.Module):
    # mirrors ladder.transformer.block:_EncoderLayer.__init__
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

    def forward(self, x: Tensor, mask: Tensor | None = None) -> Tensor:
        # TODO: normalise, attend, add; normalise, feed forward, add.
        raise NotImplementedError
