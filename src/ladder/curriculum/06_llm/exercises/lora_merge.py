"""Merge a LoRA adapter into its weight.

After training, fold the update into the frozen weight so inference costs nothing extra:

    W' = W + scaling · B A          W: (out, in), A: (r, in), B: (out, r)

Return W' as a new tensor; leave ``weight`` unchanged (the base may serve other adapters).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def merge_weight(weight: Tensor, lora_A: Tensor, lora_B: Tensor, scaling: float) -> Tensor:
    # TODO: W + scaling · B A, without changing weight in place.
    raise NotImplementedError
