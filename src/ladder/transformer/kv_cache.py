"""The key/value cache: generate token t+1 without recomputing tokens 1…t.

In a causal model the keys and values of past positions never change, because position i
only ever attends to positions ≤ i. So when generating, keep each layer's K and V in a
buffer and feed only the new token: the step costs O(T) attention instead of re-running
the whole O(T²) prefix. Hugging Face keeps the same thing as ``past_key_values``
(a ``DynamicCache``).

    K_cache[:, :, t] = x_t W^K      (written once, read at every later step)
    attention of the new query q_t over K_cache[:, :, :t+1]
"""

from __future__ import annotations

import torch
from torch import Tensor

__all__ = ["KVCache"]


class KVCache:
    """Preallocated per-layer key/value buffers of shape (B, n_head, max_len, head_dim).

    ``append(layer, k, v)`` writes the new (B, n_head, T_new, head_dim) keys and values at
    positions ``length … length + T_new − 1`` and returns all keys and values so far; the
    model calls ``advance(T_new)`` once every layer has appended.

    >>> cache = KVCache(n_layer=1, batch_size=1, n_head=1, max_len=4, head_dim=2)
    >>> k, v = cache.append(0, torch.ones(1, 1, 3, 2), torch.ones(1, 1, 3, 2))
    >>> cache.advance(3); cache.length
    3
    """

    def __init__(
        self,
        n_layer: int,
        batch_size: int,
        n_head: int,
        max_len: int,
        head_dim: int,
        dtype: torch.dtype = torch.float32,
        device: torch.device | str | None = None,
    ):
        shape = (batch_size, n_head, max_len, head_dim)
        self.keys = [torch.zeros(shape, dtype=dtype, device=device) for _ in range(n_layer)]
        self.values = [torch.zeros(shape, dtype=dtype, device=device) for _ in range(n_layer)]
        self.max_len = max_len
        self.length = 0

    def append(self, layer: int, k: Tensor, v: Tensor) -> tuple[Tensor, Tensor]:
        start, stop = self.length, self.length + k.size(2)
        if stop > self.max_len:
            raise ValueError(
                f"the KV cache holds {self.max_len} positions and already has {self.length}; "
                f"cannot add {k.size(2)} more. Start a new cache (or crop the sequence)."
            )
        self.keys[layer][:, :, start:stop] = k
        self.values[layer][:, :, start:stop] = v
        return self.keys[layer][:, :, :stop], self.values[layer][:, :, :stop]

    def advance(self, n: int) -> None:
        self.length += n

    def reset(self) -> None:
        self.length = 0
