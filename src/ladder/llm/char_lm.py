"""Character-level language models on a text, for the stage-6 labs and benchmarks.

The same data pipeline as ``ladder.transformer.shakespeare`` (characters → ids, first
90 % to train, random windows as batches) with any of our models: GPT, the Llama-style
model, Mixtral. ``llama_like_gpt`` builds a Llama configuration with the parameter count
of a given GPT configuration, so that the two architectures compare at equal size: the
SwiGLU hidden width is chosen to absorb the difference (GPT has a position table and
LayerNorm biases, Llama three MLP matrices and fewer K/V heads).
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import Tensor, nn

from ladder.llm.llama import Llama, LlamaConfig
from ladder.transformer.gpt import GPT, GPTConfig
from ladder.transformer.shakespeare import CharTokenizer

__all__ = ["CharData", "count_params", "llama_like_gpt", "batches"]


class CharData:
    """A text as character ids with a 90/10 train/validation split."""

    def __init__(self, text: str):
        self.tok = CharTokenizer(text)
        data = torch.tensor(self.tok.encode(text), dtype=torch.long)
        n = int(0.9 * len(data))
        self.splits = {"train": data[:n], "val": data[n:]}

    @property
    def vocab_size(self) -> int:
        return self.tok.vocab_size


def batches(data: CharData, block_size: int, batch_size: int, seed: int,
            device: str = "cpu") -> Callable[[str], tuple[Tensor, Tensor]]:  # fmt: skip
    """``get_batch(split)``: random windows (x, y = x shifted by one), from a seeded stream."""
    gen = torch.Generator().manual_seed(seed)

    def get_batch(split: str) -> tuple[Tensor, Tensor]:
        d = data.splits[split]
        ix = torch.randint(len(d) - block_size, (batch_size,), generator=gen)
        x = torch.stack([d[i : i + block_size] for i in ix])
        y = torch.stack([d[i + 1 : i + 1 + block_size] for i in ix])
        return x.to(device), y.to(device)

    return get_batch


def count_params(model: nn.Module) -> int:
    """Every parameter once (a tied matrix once)."""
    return sum(p.numel() for p in model.parameters())


def llama_like_gpt(gpt: GPTConfig, n_kv_head: int | None = None) -> LlamaConfig:
    """A Llama configuration (tied embeddings) with as many parameters as GPT(``gpt``)."""
    n_kv_head = n_kv_head or gpt.n_head

    def config(hidden: int) -> LlamaConfig:
        return LlamaConfig(vocab_size=gpt.vocab_size, block_size=gpt.block_size,
                           n_layer=gpt.n_layer, n_head=gpt.n_head, n_kv_head=n_kv_head,
                           n_embd=gpt.n_embd, hidden=hidden, dropout=0.0,
                           tie_weights=True)  # fmt: skip

    with torch.device("meta"):  # shapes only
        target = count_params(GPT(gpt))
        base = count_params(Llama(config(1)))
    per_unit = 3 * gpt.n_embd * gpt.n_layer  # one more hidden unit: three weights per layer
    hidden = max(1, round((target - base) / per_unit) + 1)
    return config(hidden)
