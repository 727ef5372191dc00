"""Validate token ids before they reach an embedding table.

Raise ``TypeError`` if ``idx`` is not an integer tensor (dtype int64, int32, int16 or
uint8), and ``ValueError`` if any id lies outside [0, vocab_size), naming the offending
ids (at most 10) and how to fix it. An empty tensor and valid ids return None.
(An ``nn.Embedding`` given an id ≥ its size raises an opaque IndexError, or on a GPU
a device-side assert.)

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def check_token_ids(idx: Tensor, vocab_size: int) -> None:
    # TODO: check the dtype, then the smallest and largest id.
    raise NotImplementedError
