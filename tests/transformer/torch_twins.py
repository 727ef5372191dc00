"""Test helper: copy the weights of torch's built-in transformer modules into ours.

torch packs W_q, W_k, W_v into one ``in_proj_weight`` (3C, C); ours keeps three Linears.
Everything else maps by name (``linear1`` → ``ff.linear1``, ``multihead_attn`` →
``cross_attn``).
"""

from __future__ import annotations

import torch
from torch import nn


def copy_mha(ours, ref: nn.MultiheadAttention) -> None:
    C = ours.d_model
    with torch.no_grad():
        for i, lin in enumerate((ours.q_proj, ours.k_proj, ours.v_proj)):
            lin.weight.copy_(ref.in_proj_weight[i * C : (i + 1) * C])
            lin.bias.copy_(ref.in_proj_bias[i * C : (i + 1) * C])
        ours.out_proj.weight.copy_(ref.out_proj.weight)
        ours.out_proj.bias.copy_(ref.out_proj.bias)


def _copy_linear_norm(ours, ref, names) -> None:
    with torch.no_grad():
        for o, r in names:
            a, b = ours.get_submodule(o), ref.get_submodule(r)
            a.weight.copy_(b.weight)
            a.bias.copy_(b.bias)


def copy_encoder_layer(ours, ref: nn.TransformerEncoderLayer) -> None:
    copy_mha(ours.self_attn, ref.self_attn)
    _copy_linear_norm(
        ours,
        ref,
        [
            ("ff.linear1", "linear1"),
            ("ff.linear2", "linear2"),
            ("norm1", "norm1"),
            ("norm2", "norm2"),
        ],
    )


def copy_decoder_layer(ours, ref: nn.TransformerDecoderLayer) -> None:
    copy_mha(ours.self_attn, ref.self_attn)
    copy_mha(ours.cross_attn, ref.multihead_attn)
    _copy_linear_norm(
        ours,
        ref,
        [
            ("ff.linear1", "linear1"),
            ("ff.linear2", "linear2"),
            ("norm1", "norm1"),
            ("norm2", "norm2"),
            ("norm3", "norm3"),
        ],
    )


def copy_transformer(ours, ref: nn.Transformer) -> None:
    for a, b in zip(ours.encoder_layers, ref.encoder.layers, strict=True):
        copy_encoder_layer(a, b)
    for a, b in zip(ours.decoder_layers, ref.decoder.layers, strict=True):
        copy_decoder_layer(a, b)
    _copy_linear_norm(
        ours, ref, [("encoder_norm", "encoder.norm"), ("decoder_norm", "decoder.norm")]
    )
