"""The Vision Transformer (Dosovitskiy et al., 2020, "An image is worth 16x16 words",
arXiv:2010.11929).

An image becomes a sequence: cut it into P × P patches, flatten each (C·P·P numbers), map
it linearly to a D-wide token. A learned [CLS] token goes first and a learned position
vector is added to every token; then a stack of pre-norm transformer encoder layers (the
same blocks as text) and a final LayerNorm. The [CLS] output classifies the image.

    x_0 = [x_cls; patch_1 E; …; patch_N E] + E_pos          N = (H/P)·(W/P)
    x_l = PreNormEncoderLayer(x_{l−1});   h = LN(x_L)

``ViT`` has the same tensors, one for one, as Hugging Face ``ViTModel``
(``add_pooling_layer=False``): :func:`load_hf_vit` maps every name explicitly. ViT's patch
embedding is a Conv2d with kernel = stride = P; a convolution that visits each patch once is
the linear map of the flattened patch, so its weight (D, C, P, P) reshapes to (D, C·P·P)
when patches are flattened in (channel, row, column) order, as :func:`patchify` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.transformer.block import PreNormEncoderLayer
from ladder.transformer.weights import load_mapped

__all__ = ["ViTConfig", "patchify", "ViT", "ViTClassifier", "vit_name_map", "load_hf_vit"]


@dataclass(frozen=True)
class ViTConfig:
    image_size: int = 28  # height = width of the input images (MNIST: 28)
    patch_size: int = 7  # side of a square patch; must divide image_size (28/7 → 16 patches)
    n_channels: int = 1  # colour channels (MNIST: 1 grey)
    n_layer: int = 4  # encoder layers
    n_head: int = 4  # attention heads (n_embd must divide evenly)
    n_embd: int = 64  # token width D
    d_ff: int = 128  # feed-forward width
    dropout: float = 0.0  # dropout on embeddings, attention weights and sub-layer outputs
    layer_norm_eps: float = 1e-12  # Hugging Face ViT's default

    @property
    def n_patches(self) -> int:
        return (self.image_size // self.patch_size) ** 2


def patchify(images: Tensor, patch_size: int) -> Tensor:
    """(B, C, H, W) → (B, N, C·P·P): patches in row-major order, each flattened (C, P, P).

    >>> patchify(torch.arange(16.).view(1, 1, 4, 4), 2)[0, 1].tolist()   # top-right patch
    [2.0, 3.0, 6.0, 7.0]
    """
    if images.dim() != 4:
        raise ValueError(
            f"images must have shape (batch, channels, height, width), got {tuple(images.shape)}."
        )
    B, C, H, W = images.shape
    P = patch_size
    if H % P or W % P:
        raise ValueError(f"patch_size {P} must divide the image size {H}×{W}.")
    x = images.reshape(B, C, H // P, P, W // P, P)  # (B, C, rows, P, cols, P)
    x = x.permute(0, 2, 4, 1, 3, 5)  # (B, rows, cols, C, P, P)
    return x.reshape(B, (H // P) * (W // P), C * P * P)


class ViT(nn.Module):
    """Patches → tokens → encoder → LayerNorm. ``forward(images) -> (B, N + 1, n_embd)``."""

    def __init__(self, config: ViTConfig):
        super().__init__()
        c = config
        if c.image_size % c.patch_size:
            raise ValueError(
                f"patch_size {c.patch_size} must divide image_size {c.image_size}; "
                "choose a divisor (28: 2, 4, 7 or 14)."
            )
        self.config = config
        self.patch_embed = nn.Linear(c.n_channels * c.patch_size**2, c.n_embd)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, c.n_embd))
        self.pos_embed = nn.Parameter(torch.zeros(1, c.n_patches + 1, c.n_embd))
        self.drop = nn.Dropout(c.dropout)
        self.layers = nn.ModuleList(
            PreNormEncoderLayer(c.n_embd, c.n_head, c.d_ff, c.dropout, "gelu", c.layer_norm_eps)
            for _ in range(c.n_layer)
        )
        self.norm = nn.LayerNorm(c.n_embd, eps=c.layer_norm_eps)
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        nn.init.trunc_normal_(self.cls_token, std=0.02)

    def forward(self, images: Tensor) -> Tensor:
        c = self.config
        if images.shape[1:] != (c.n_channels, c.image_size, c.image_size):
            raise ValueError(
                f"expected images of shape (B, {c.n_channels}, {c.image_size}, {c.image_size}), "
                f"got {tuple(images.shape)}."
            )
        x = self.patch_embed(patchify(images, c.patch_size))  # (B, N, D)
        cls = self.cls_token.expand(x.size(0), -1, -1)  # (B, 1, D)
        x = self.drop(torch.cat([cls, x], dim=1) + self.pos_embed)
        for layer in self.layers:
            x = layer(x)
        return self.norm(x)


class ViTClassifier(nn.Module):
    """ViT + a linear head on the [CLS] token.

    ``forward(images, labels=None) -> (logits, loss)``.
    """

    def __init__(self, config: ViTConfig, n_classes: int = 10):
        super().__init__()
        self.vit = ViT(config)
        self.head = nn.Linear(config.n_embd, n_classes)

    def forward(self, images: Tensor, labels: Tensor | None = None) -> tuple[Tensor, Tensor | None]:
        logits = self.head(self.vit(images)[:, 0])
        loss = F.cross_entropy(logits, labels) if labels is not None else None
        return logits, loss


def vit_name_map(n_layer: int) -> dict[str, str]:
    """Our ``ViT`` tensor name → Hugging Face ``ViTModel`` name (transformers ≥ 5)."""
    e = "embeddings."
    m = {
        "cls_token": e + "cls_token",
        "pos_embed": e + "position_embeddings",
        "patch_embed.weight": e + "patch_embeddings.projection.weight",
        "patch_embed.bias": e + "patch_embeddings.projection.bias",
        "norm.weight": "layernorm.weight",
        "norm.bias": "layernorm.bias",
    }
    pairs = {
        "self_attn.q_proj": "attention.q_proj",
        "self_attn.k_proj": "attention.k_proj",
        "self_attn.v_proj": "attention.v_proj",
        "self_attn.out_proj": "attention.o_proj",
        "norm1": "layernorm_before",
        "norm2": "layernorm_after",
        "ff.linear1": "mlp.fc1",
        "ff.linear2": "mlp.fc2",
    }
    for i in range(n_layer):
        for ours, theirs in pairs.items():
            for kind in ("weight", "bias"):
                m[f"layers.{i}.{ours}.{kind}"] = f"layers.{i}.{theirs}.{kind}"
    return m


def load_hf_vit(model: ViT, state: Mapping[str, Tensor]) -> ViT:
    """Copy a Hugging Face ``ViTModel`` state dict into ``model``; every name and shape checked.

    The patch convolution's weight (D, C, P, P) becomes our linear weight (D, C·P·P).
    """
    transforms = {"patch_embed.weight": lambda w: w.reshape(w.shape[0], -1)}
    load_mapped(
        model,
        state,
        vit_name_map(model.config.n_layer),
        transforms,
        ignore_source=("pooler.dense.weight", "pooler.dense.bias"),
        what="ViT weights",
    )
    return model
