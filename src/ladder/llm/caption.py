"""Image captioning: a ViT encoder and a small transformer decoder that writes words
(Vinyals et al., 2015, "Show and tell", arXiv:1411.4555; the encoder–decoder of Vaswani et
al., 2017, with the source sentence replaced by image patches).

The decoder is a language model conditioned on the image: causal self-attention over the
words written so far, cross-attention over the ViT's patch tokens, then next-word logits.
Training is teacher forcing (``<bos> w_1 … w_n`` predicts ``w_1 … w_n <eos>``); inference is
greedy decoding until ``<eos>``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.llm.vit import ViT, ViTConfig
from ladder.transformer.attention import causal_mask
from ladder.transformer.block import PreNormDecoderLayer

__all__ = ["CaptionerConfig", "Captioner", "caption_batch"]


@dataclass(frozen=True)
class CaptionerConfig:
    vision: ViTConfig = ViTConfig()  # the image encoder (its n_embd is the decoder's width)
    vocab_size: int = 64  # caption words, including <pad> <unk> <bos> <eos>
    max_words: int = 12  # longest caption, <bos> included
    n_layer: int = 2  # decoder layers
    n_head: int = 4  # decoder attention heads


class Captioner(nn.Module):
    """``forward(images, ids, targets=None) -> (logits, loss)``; ``generate(images)``."""

    def __init__(self, config: CaptionerConfig):
        super().__init__()
        self.config = config
        D = config.vision.n_embd
        self.encoder = ViT(config.vision)
        self.tok = nn.Embedding(config.vocab_size, D)
        self.pos = nn.Parameter(torch.randn(1, config.max_words, D) * 0.02)
        self.layers = nn.ModuleList(
            PreNormDecoderLayer(D, config.n_head, 2 * D, 0.0, "gelu") for _ in range(config.n_layer)
        )
        self.norm = nn.LayerNorm(D)
        self.lm_head = nn.Linear(D, config.vocab_size)

    def decode(self, memory: Tensor, ids: Tensor) -> Tensor:
        T = ids.size(1)
        if T > self.config.max_words:
            raise ValueError(f"{T} words exceed max_words={self.config.max_words}.")
        x = self.tok(ids) + self.pos[:, :T]
        mask = causal_mask(T, device=ids.device)
        for layer in self.layers:
            x = layer(x, memory, self_mask=mask)
        return self.lm_head(self.norm(x))

    def forward(self, images: Tensor, ids: Tensor, targets: Tensor | None = None):
        logits = self.decode(self.encoder(images), ids)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss

    @torch.no_grad()
    def generate(self, images: Tensor, bos_id: int, eos_id: int) -> list[list[int]]:
        """Greedy captions (word ids without <bos>/<eos>) for a batch of images."""
        self.eval()
        memory = self.encoder(images)
        ids = torch.full((images.size(0), 1), bos_id, dtype=torch.long)
        for _ in range(self.config.max_words - 1):
            nxt = self.decode(memory, ids)[:, -1].argmax(-1, keepdim=True)
            ids = torch.cat([ids, nxt], dim=1)
            if bool((ids == eos_id).any(1).all()):
                break
        out = []
        for row in ids[:, 1:].tolist():
            out.append(row[: row.index(eos_id)] if eos_id in row else row)
        return out


def caption_batch(tokenizer, captions: list[str]) -> tuple[Tensor, Tensor]:
    """Teacher-forcing inputs and targets: ``<bos> w…`` and ``w… <eos>``, padded (−100)."""
    seqs = [tokenizer.encode(c) for c in captions]
    T = max(len(s) for s in seqs) + 1
    x = torch.full((len(seqs), T), tokenizer.pad_id, dtype=torch.long)
    y = torch.full((len(seqs), T), -100, dtype=torch.long)
    for r, s in enumerate(seqs):
        x[r, : len(s) + 1] = torch.tensor([tokenizer.bos_id, *s])
        y[r, : len(s) + 1] = torch.tensor([*s, tokenizer.eos_id])
    return x, y
