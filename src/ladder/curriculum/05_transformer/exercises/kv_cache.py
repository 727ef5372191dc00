"""Appending to a key/value cache.

Each layer has preallocated buffers ``self.keys[layer]`` and ``self.values[layer]`` of
shape (B, n_head, max_len, head_dim); ``self.length`` positions are filled. Write
``append(layer, k, v)``: k and v are (B, n_head, T_new, head_dim); write them at positions
``length … length + T_new − 1`` of that layer's buffers and return the keys and values
of all positions so far, (B, n_head, length + T_new, head_dim) each. Do **not** change
``self.length`` (the model calls ``advance`` once every layer has appended). Raise
ValueError if the new positions do not fit in ``max_len``. Hugging Face keeps the same
thing as ``past_key_values``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


class KVCache:
    # mirrors ladder.transformer.kv_cache:KVCache.__init__
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
        # TODO: check the room left, write k and v at [:, :, length:length + T_new], return
        # the filled part of this layer's buffers.
        raise NotImplementedError

    # mirrors ladder.transformer.kv_cache:KVCache.advance
    def advance(self, n: int) -> None:
        self.length += n

    # mirrors ladder.transformer.kv_cache:KVCache.reset
    def reset(self) -> None:
        self.length = 0
