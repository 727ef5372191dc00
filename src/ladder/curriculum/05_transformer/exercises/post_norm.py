"""A post-norm transformer encoder layer (the 2017 paper, BERT).

    x = LN₁(x + Dropout₁(SelfAttn(x)))
    x = LN₂(x + Dropout₂(FFN(x)))

where LN(x) = γ (x − mean(x)) / √(var(x) + ε) + β over the channels of each token.
``self.self_attn(q, k, v, mask=mask)`` returns ``(output, weights)``; use the output.
The layers are built for you; write ``forward``. The matching library class is
``torch.nn.TransformerEncoderLayer(..., batch_first=True, norm_first=False)``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor, nn

from ladder.transformer.attention import MultiHeadAttention
from ladder.transformer.block import FeedForward


class PostNormEncoderLayer(nn.Module):
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
        # TODO: attend, add, normalise; feed forward, add, normalise.
        raise NotImplementedError
