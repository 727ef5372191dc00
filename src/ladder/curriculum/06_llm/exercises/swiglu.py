"""The SwiGLU feed-forward network.

Llama's feed-forward network gates one projection of x by another:

    SwiGLU(x) = W_down ( SiLU(W_gate x) ⊙ (W_up x) ),      SiLU(z) = z · σ(z)

The weights have nn.Linear's layout (out_features, in_features): ``w_gate`` and ``w_up``
are (hidden, d), ``w_down`` is (d, hidden); x is (…, d). No biases. Hugging Face's
``LlamaMLP`` computes the same.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
import torch.nn.functional as F
from torch import Tensor


def swiglu(x: Tensor, w_gate: Tensor, w_up: Tensor, w_down: Tensor) -> Tensor:
    # TODO: two projections to the hidden width, SiLU on the gate one, multiply, project
    # back down.
    raise NotImplementedError
