"""Contrastive image–text pre-training, CLIP-style (Radford et al., 2021, arXiv:2103.00020).

Two encoders map a batch of B images and their B captions into one space; after L2
normalisation, the B × B matrix of cosine similarities times a learned temperature
``exp(t)`` holds the logits. The matching pairs lie on the diagonal, so the loss is
cross-entropy in both directions — each image picks its caption among B, each caption its
image:

    L_ij = exp(t) · ⟨u_i, v_j⟩ / (‖u_i‖ ‖v_j‖)
    loss = ½ [ CE(L, diag) + CE(Lᵀ, diag) ]

Zero-shot classification then needs no classifier: embed one prompt per class ("a
handwritten seven") and give each image the class whose prompt is most similar.

Here the image encoder is a small ViT (``ladder.llm.vit``), the text encoder a small
pre-norm transformer over words, mean-pooled; the captions of MNIST digits are generated.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.llm.vit import ViT, ViTConfig
from ladder.transformer.attention import padding_mask
from ladder.transformer.bert import mean_pool
from ladder.transformer.block import PreNormEncoderLayer

__all__ = [
    "DIGITS",
    "caption_for",
    "WordTokenizer",
    "contrastive_loss",
    "clip_logits",
    "CLIPConfig",
    "TextEncoder",
    "CLIP",
    "zero_shot_predict",
]

DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEMPLATES = [
    "a handwritten {w}",
    "a photo of the digit {w}",
    "the number {w} written by hand",
    "a scanned {w}",
    "an image of a {w}",
]


def caption_for(label: int, rng: random.Random | None = None) -> str:
    """A caption naming the digit ``label``: a random template, or the first without rng.

    >>> caption_for(7)
    'a handwritten seven'
    """
    if not 0 <= label <= 9:
        raise ValueError(f"an MNIST label lies in 0…9, got {label}.")
    template = TEMPLATES[0] if rng is None else rng.choice(TEMPLATES)
    return template.format(w=DIGITS[label])


class WordTokenizer:
    """Words ↔ ids over a fixed vocabulary (id 0 is padding, 1 unknown, 2 begin, 3 end)."""

    def __init__(self, sentences: Sequence[str] = ()):
        words = sorted(
            {w for t in TEMPLATES for w in t.replace("{w}", "").split()}
            | set(DIGITS)
            | {w for s in sentences for w in s.split()}
        )
        self.itos = ["<pad>", "<unk>", "<bos>", "<eos>", *words]
        self.stoi = {w: i for i, w in enumerate(self.itos)}
        self.pad_id, self.unk_id, self.bos_id, self.eos_id = 0, 1, 2, 3

    @property
    def vocab_size(self) -> int:
        return len(self.itos)

    def encode(self, text: str) -> list[int]:
        return [self.stoi.get(w, self.unk_id) for w in text.split()]

    def decode(self, ids: Sequence[int]) -> str:
        return " ".join(self.itos[i] for i in ids if i > self.eos_id)

    def batch(self, texts: Sequence[str]) -> tuple[Tensor, Tensor]:
        """Right-padded ids (B, T) and the 1/0 attention mask."""
        ids = [self.encode(t) for t in texts]
        T = max(1, max(len(i) for i in ids))
        x = torch.zeros(len(ids), T, dtype=torch.long)
        m = torch.zeros(len(ids), T, dtype=torch.long)
        for r, i in enumerate(ids):
            x[r, : len(i)] = torch.tensor(i, dtype=torch.long)
            m[r, : len(i)] = 1
        return x, m


def contrastive_loss(logits_per_image: Tensor) -> Tensor:
    """½ [CE(L, diag) + CE(Lᵀ, diag)] for a (B, B) logit matrix whose diagonal pairs match.

    Equals ``transformers.models.clip.modeling_clip.image_text_contrastive_loss``.
    """
    if logits_per_image.dim() != 2 or logits_per_image.size(0) != logits_per_image.size(1):
        raise ValueError(
            f"the logits must be a square (B, B) matrix, got {tuple(logits_per_image.shape)}; "
            "row i holds image i's scores against every caption of the batch."
        )
    target = torch.arange(logits_per_image.size(0), device=logits_per_image.device)
    return (
        F.cross_entropy(logits_per_image, target) + F.cross_entropy(logits_per_image.T, target)
    ) / 2


def clip_logits(image_emb: Tensor, text_emb: Tensor, logit_scale: Tensor) -> Tensor:
    """exp(logit_scale) · cosine similarities: (B_img, E), (B_txt, E) → (B_img, B_txt)."""
    u = F.normalize(image_emb, dim=-1)
    v = F.normalize(text_emb, dim=-1)
    return logit_scale.exp() * u @ v.T


@dataclass(frozen=True)
class CLIPConfig:
    vision: ViTConfig = ViTConfig()  # the image encoder
    vocab_size: int = 64  # words of the caption vocabulary
    max_words: int = 12  # longest caption
    text_layers: int = 2  # text encoder layers
    text_heads: int = 4  # text attention heads
    text_embd: int = 64  # text token width
    embed_dim: int = 32  # the shared space both encoders project into
    logit_scale_init: float = math.log(1 / 0.07)  # CLIP's initial temperature 1/0.07


class TextEncoder(nn.Module):
    """Words → pre-norm transformer (bidirectional, padding masked) → mean of real tokens."""

    def __init__(self, c: CLIPConfig):
        super().__init__()
        self.tok = nn.Embedding(c.vocab_size, c.text_embd, padding_idx=0)
        self.pos = nn.Parameter(torch.randn(1, c.max_words, c.text_embd) * 0.02)
        self.layers = nn.ModuleList(
            PreNormEncoderLayer(c.text_embd, c.text_heads, 2 * c.text_embd, 0.0, "gelu")
            for _ in range(c.text_layers)
        )
        self.norm = nn.LayerNorm(c.text_embd)

    def forward(self, ids: Tensor, attention_mask: Tensor) -> Tensor:
        T = ids.size(1)
        if T > self.pos.size(1):
            raise ValueError(f"a caption of {T} words is longer than max_words={self.pos.size(1)}.")
        x = self.tok(ids) + self.pos[:, :T]
        mask = padding_mask(attention_mask)
        for layer in self.layers:
            x = layer(x, mask=mask)
        return mean_pool(self.norm(x), attention_mask)


class CLIP(nn.Module):
    """Image and text encoders with projections into one space and a learned temperature.

    ``forward(images, ids, attention_mask) -> (logits_per_image, loss)``.
    """

    def __init__(self, config: CLIPConfig):
        super().__init__()
        self.config = config
        self.vision = ViT(config.vision)
        self.text = TextEncoder(config)
        self.image_proj = nn.Linear(config.vision.n_embd, config.embed_dim, bias=False)
        self.text_proj = nn.Linear(config.text_embd, config.embed_dim, bias=False)
        self.logit_scale = nn.Parameter(torch.tensor(config.logit_scale_init))

    def encode_image(self, images: Tensor) -> Tensor:
        return F.normalize(self.image_proj(self.vision(images)[:, 0]), dim=-1)

    def encode_text(self, ids: Tensor, attention_mask: Tensor) -> Tensor:
        return F.normalize(self.text_proj(self.text(ids, attention_mask)), dim=-1)

    def forward(self, images: Tensor, ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, Tensor]:
        # CLIP clips the temperature at 100 so the logits cannot blow up
        scale = self.logit_scale.clamp(max=math.log(100.0))
        logits = clip_logits(
            self.encode_image(images), self.encode_text(ids, attention_mask), scale
        )
        return logits, contrastive_loss(logits)


@torch.no_grad()
def zero_shot_predict(
    model: CLIP, tokenizer: WordTokenizer, images: Tensor, prompts: Sequence[str]
) -> Tensor:
    """Index of the most similar prompt for each image: (B,) class predictions."""
    model.eval()
    ids, mask = tokenizer.batch(prompts)
    text = model.encode_text(ids, mask)  # (K, E)
    out = []
    for start in range(0, images.size(0), 256):
        out.append((model.encode_image(images[start : start + 256]) @ text.T).argmax(1))
    return torch.cat(out)
