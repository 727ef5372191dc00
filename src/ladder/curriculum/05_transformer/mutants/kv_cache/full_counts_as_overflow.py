# mutant: refuses to fill the last slot (>= instead of >)
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
        start, stop = self.length, self.length + k.size(2)
        if stop >= self.max_len:
            raise ValueError(f"the cache holds {self.max_len} positions; {stop} needed")
        self.keys[layer][:, :, start:stop] = k
        self.values[layer][:, :, start:stop] = v
        return self.keys[layer][:, :, :stop], self.values[layer][:, :, :stop]

    # mirrors ladder.transformer.kv_cache:KVCache.advance
    def advance(self, n: int) -> None:
        self.length += n

    # mirrors ladder.transformer.kv_cache:KVCache.reset
    def reset(self) -> None:
        self.length = 0
