"""RMSNorm.

Normalise the last dimension of ``x`` by its root mean square, then scale by ``weight``:

    y = weight ⊙ x / sqrt(mean(x², last dimension) + eps)

There is no mean subtraction and no bias (that is LayerNorm). Compute the statistic in
float32 even when ``x`` is bfloat16 (float64 stays float64), cast the normalised x back
to x's dtype, then multiply by ``weight``. Hugging Face's ``LlamaRMSNorm`` does the same.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def rms_norm(x: Tensor, weight: Tensor, eps: float = 1e-6) -> Tensor:
    # TODO: promote x to at least float32, divide by sqrt(mean of squares + eps) over the
    # last dimension, cast back, multiply by weight.
    raise NotImplementedError
