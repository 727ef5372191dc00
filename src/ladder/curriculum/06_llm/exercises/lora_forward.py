"""The LoRA forward pass.

A frozen linear layer y = x Wᵀ + b gets a trainable low-rank update:

    y = x Wᵀ + b + scaling · (x Aᵀ) Bᵀ          scaling = alpha / r

x: (…, in_features); weight W: (out, in); bias b: (out,) or None; lora_A: (r, in);
lora_B: (out, r). Compute the update as two thin products — never form the (out, in)
matrix B A. Return (…, out).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def lora_linear(
    x: Tensor, weight: Tensor, bias: Tensor | None, lora_A: Tensor, lora_B: Tensor, scaling: float
) -> Tensor:
    # TODO: the base layer's output plus the scaled low-rank update.
    raise NotImplementedError
