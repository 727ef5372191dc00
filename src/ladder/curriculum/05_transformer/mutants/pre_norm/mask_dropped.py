# mutant: never passes the mask to the self-attention
# likely: pass mask on to self_attn
from torch import Tensor, nn

from ladder.transformer.attention import MultiHeadAttention
from ladder.transformer.block import FeedForward


class PreNormEncoderLayer(nn.Module):
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
        h = self.norm1(x)
        x = x + self.dropout1(self.self_attn(h, h, h)[0])
        return x + self.dropout2(self.ff(self.norm2(x)))
