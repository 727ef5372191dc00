"""The causal (no-peeking) attention mask.

Return a boolean (t_q, t_k) keep mask: entry (i, j) is True when query i may attend key j,

    j ≤ i + (t_k − t_q)

With t_k = t_q (the default when t_k is None) this is the lower triangle, diagonal
included. With a KV cache the t_q queries are the *last* t_q positions of a t_k-long
sequence, hence the offset. Raise ValueError when t_k < t_q. The same matrix is
``torch.ones(t_q, t_k, dtype=torch.bool).tril(diagonal=t_k - t_q)``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def causal_mask(t_q: int, t_k: int | None = None, device: torch.device | None = None) -> Tensor:
    # TODO: build a (t_q, t_k) boolean tensor that is True on and below the shifted diagonal.
    raise NotImplementedError
