"""The position-wise feed-forward network of a transformer block.

    FFN(x) = W₂ · Dropout(act(W₁ x + b₁)) + b₂

applied to every position independently (``linear1``: d_model → d_ff, ``linear2``:
d_ff → d_model). The layers and the activation are built for you; write ``forward``.
The matching torch code is the ``linear1``/``activation``/``linear2`` path of
``torch.nn.TransformerEncoderLayer``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor, nn

from ladder.transformer.block import ACTIVATIONS


class FeedForward(nn.Module):
    def __init__(self, d_model: int, d_ff: int, dropout: float = 0.0, activation: str = "relu"):
        super().__init__()
        self.linear1 = nn.Linear(d_model, d_ff)
        self.linear2 = nn.Linear(d_ff, d_model)
        self.dropout = nn.Dropout(dropout)
        self.act = ACTIVATIONS[activation]

    def forward(self, x: Tensor) -> Tensor:
        # TODO: linear1, activation, dropout, linear2.
        raise NotImplementedError
