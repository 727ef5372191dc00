"""Scaled dot-product attention, written out step by step.

    scores  = Q Kᵀ / √d_k                          (…, T_q, T_k)
    scores  = −∞ where mask is False               (mask: True = may attend)
    weights = softmax(scores) over the keys (last dimension)
    output  = weights V                            (…, T_q, d_v)

A query row whose keys are all masked must get zero weights (softmax of only −∞ is NaN:
replace NaN by 0). Return ``(output, weights)``. Ignore ``dropout_p`` and ``training``
(the checks use no dropout). The matching library function is
``torch.nn.functional.scaled_dot_product_attention`` (it returns the output only).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math

import torch
from torch import Tensor


def scaled_dot_product_attention(
    q: Tensor,
    k: Tensor,
    v: Tensor,
    mask: Tensor | None = None,
    dropout_p: float = 0.0,
    training: bool = False,
) -> tuple[Tensor, Tensor]:
    # TODO: scores, scale by √d_k, mask with −inf, softmax over the keys, weighted sum.
    raise NotImplementedError
