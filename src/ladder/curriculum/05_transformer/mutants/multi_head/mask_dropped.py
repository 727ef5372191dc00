# mutant: never passes the mask to the attention
# likely: pass mask on to the attention

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
        q = split_heads(self.q_proj(query), self.n_head)
        k = split_heads(self.k_proj(key), self.n_head)
        v = split_heads(self.v_proj(value), self.n_head)
        out, weights = scaled_dot_product_attention(q, k, v)
        return self.out_proj(merge_heads(out)), weights
