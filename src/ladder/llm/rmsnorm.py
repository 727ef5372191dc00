"""RMSNorm: LayerNorm without the mean (Zhang & Sennrich, 2019, arXiv:1910.07467).

    RMSNorm(x) = g ⊙ x / sqrt(mean_i(x_i²) + ε)

LayerNorm subtracts the mean and divides by the standard deviation, then adds a bias.
RMSNorm only rescales by the root mean square: one reduction instead of two, no bias, and
in practice the same quality. Llama, Mistral and most models since 2023 use it. The
statistic is computed in float32 even when x is bfloat16 (as Hugging Face's
``LlamaRMSNorm`` does), because a mean of squares in 8 mantissa bits loses most digits.
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

__all__ = ["rms_norm", "RMSNorm"]


def rms_norm(x: Tensor, weight: Tensor, eps: float = 1e-6) -> Tensor:
    """``weight * x / sqrt(mean(x², last dim) + eps)``, the statistic in float32 (or wider).

    >>> rms_norm(torch.tensor([[3.0, 4.0]]), torch.ones(2), eps=0.0)
    tensor([[0.8485, 1.1314]])
    """
    dtype = x.dtype
    x32 = x.to(torch.promote_types(dtype, torch.float32))  # bf16 → float32; float64 stays
    x32 = x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + eps)
    return weight * x32.to(dtype)


class RMSNorm(nn.Module):
    """Root-mean-square normalisation over the last dimension with a learned gain.

    Equals Hugging Face's ``LlamaRMSNorm(dim, eps)`` and ``torch.nn.RMSNorm(dim, eps)``
    (the gain starts at 1).
    """

    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        if dim < 1:
            raise ValueError(f"dim must be a positive integer, got {dim}.")
        if not eps > 0:
            raise ValueError(f"eps must be > 0 (it keeps the division finite), got {eps}.")
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: Tensor) -> Tensor:
        return rms_norm(x, self.weight, self.eps)

    def extra_repr(self) -> str:
        return f"{self.weight.numel()}, eps={self.eps}"
