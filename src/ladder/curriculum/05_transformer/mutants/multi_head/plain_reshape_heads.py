# mutant: splits the heads with a plain reshape, mixing time steps into heads

from torch import Tensor, nn

from ladder.transformer.attention import scaled_dot_product_attention


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
        B, Tq, C = query.shape
        Tk = key.shape[1]
        h, d = self.n_head, C // self.n_head
        q = self.q_proj(query).reshape(B, h, Tq, d)
        k = self.k_proj(key).reshape(B, h, Tk, d)
        v = self.v_proj(value).reshape(B, h, Tk, d)
        out, weights = scaled_dot_product_attention(q, k, v, mask=mask)
        return self.out_proj(out.reshape(B, Tq, C)), weights
