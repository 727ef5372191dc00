"""Absmax int8 quantisation.

Quantise a float tensor ``w`` symmetrically to int8:

    scale = max|w| / qmax
    q = clamp(round(w / scale), −128, 127)  as torch.int8          w ≈ q · scale

With ``dim=None`` one scale covers the whole tensor (a 0-dimensional float32 tensor).
With ``dim=1`` on a (out, in) weight each row gets its own scale, shape (out, 1), so a row
of small weights keeps its precision. A row (or tensor) of zeros gets scale 1. Compute
w / scale as w * (1 / scale) in float32, as PyTorch's kernels do. Return ``(q, scale)``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def absmax_quantize(
    w: Tensor, dim: int | None = None, qmax: float = 127.0
) -> tuple[Tensor, Tensor]:
    # TODO: the largest magnitude (per row if dim is given, keepdim=True), the scale,
    # rounding, clamping, int8.
    raise NotImplementedError
