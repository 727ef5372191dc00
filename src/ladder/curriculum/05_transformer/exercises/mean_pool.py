"""Mean pooling: a sentence vector from token vectors (Sentence-BERT).

    u = Σ_t m_t h[t] / Σ_t m_t

``hidden`` is (B, T, C), ``attention_mask`` (B, T) with 1 for real tokens and 0 for
padding; return (B, C). Padding must not count. Guard the division with
``.clamp(min=1e-9)`` so an all-padding row gives zeros, not NaN. sentence-transformers'
``Pooling(pooling_mode='mean')`` does the same.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def mean_pool(hidden: Tensor, attention_mask: Tensor) -> Tensor:
    # TODO: turn the mask into (B, T, 1) floats, sum the masked vectors, divide by the count.
    raise NotImplementedError
