"""Rotating queries and keys by RoPE.

Rotary position embeddings turn channel pairs of every query and key by an angle that
grows with the position. With the "rotate half" pairing of Llama, channel j is paired
with channel j + d/2, and for a vector x (…, T, d) whose positions have the angles in
``cos`` and ``sin`` (each (T, d), the d/2 angles repeated over both halves):

    rotate_half([x₁, x₂]) = [−x₂, x₁]          (x₁, x₂: the two halves of the last dim)
    RoPE(x) = x ⊙ cos + rotate_half(x) ⊙ sin

Hugging Face's ``apply_rotary_pos_emb`` does the same.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def apply_rope(x: Tensor, cos: Tensor, sin: Tensor) -> Tensor:
    # TODO: split the last dimension in two halves, build [−x₂, x₁], combine with cos, sin.
    raise NotImplementedError
