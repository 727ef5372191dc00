"""Parity: our encoder/decoder layers against torch's, with copied weights, both norms."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from torch import nn  # noqa: E402

from ladder.transformer.attention import causal_mask, padding_mask  # noqa: E402
from ladder.transformer.block import (  # noqa: E402
    FeedForward,
    PostNormDecoderLayer,
    PostNormEncoderLayer,
    PreNormDecoderLayer,
    PreNormEncoderLayer,
)
from tests.transformer.torch_twins import copy_decoder_layer, copy_encoder_layer  # noqa: E402

# float64 on both sides: same operations, only summation order differs (~1e-15 per op);
# 1e-10 leaves room for a few layers of accumulation and is far below any real bug.
ATOL = 1e-10
C, H, FF, B, T, S = 16, 4, 32, 2, 6, 7


def _inputs(seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, C, generator=g, dtype=torch.float64, requires_grad=True)
    mem = torch.randn(B, S, C, generator=g, dtype=torch.float64, requires_grad=True)
    keep = torch.ones(B, S, dtype=torch.long)
    keep[1, 5:] = 0  # the second source sequence has 2 padding positions
    return x, mem, keep


def _compare(ours_out, ref_out, inputs, ours=None, ref=None):
    """Forward values, and gradients of the same scalar w.r.t. the inputs and weights."""
    torch.testing.assert_close(ours_out, ref_out, atol=ATOL, rtol=0)
    w = torch.linspace(-1, 1, ours_out.numel(), dtype=torch.float64).view_as(ours_out)
    pairs = []
    if ours is not None:  # a few weights that exist on both sides under different names
        C_ = ours.self_attn.d_model
        pairs = [
            (ours.ff.linear1.weight, ref.linear1.weight, None),
            (ours.norm1.weight, ref.norm1.weight, None),
            (ours.self_attn.k_proj.weight, ref.self_attn.in_proj_weight, slice(C_, 2 * C_)),
        ]
    g_ours = torch.autograd.grad((ours_out * w).sum(), list(inputs) + [p[0] for p in pairs])
    g_ref = torch.autograd.grad((ref_out * w).sum(), list(inputs) + [p[1] for p in pairs])
    sl = [None] * len(inputs) + [p[2] for p in pairs]
    for a, b, s in zip(g_ours, g_ref, sl, strict=True):
        torch.testing.assert_close(a, b if s is None else b[s], atol=ATOL, rtol=0)


@pytest.mark.parametrize("activation", ["relu", "gelu"])
@pytest.mark.parametrize("norm_first", [False, True])
def test_encoder_layer_matches_torch(norm_first, activation):
    torch.manual_seed(0)
    ref = nn.TransformerEncoderLayer(
        C,
        H,
        FF,
        dropout=0.0,
        activation=activation,
        batch_first=True,
        norm_first=norm_first,
        dtype=torch.float64,
    ).eval()
    cls = PreNormEncoderLayer if norm_first else PostNormEncoderLayer
    ours = cls(C, H, FF, dropout=0.0, activation=activation).double().eval()
    copy_encoder_layer(ours, ref)
    _, x, keep = _inputs()  # a (B, S, C) input with padding in the second row
    ref_out = ref(x, src_key_padding_mask=keep == 0)  # torch: True = padding
    ours_out = ours(x, mask=padding_mask(keep))
    _compare(ours_out, ref_out, (x,), ours, ref)


@pytest.mark.parametrize("norm_first", [False, True])
def test_encoder_layer_causal(norm_first):
    torch.manual_seed(1)
    ref = nn.TransformerEncoderLayer(
        C, H, FF, dropout=0.0, batch_first=True, norm_first=norm_first, dtype=torch.float64
    ).eval()
    ours = (PreNormEncoderLayer if norm_first else PostNormEncoderLayer)(C, H, FF).double()
    copy_encoder_layer(ours, ref)
    x, _, _ = _inputs(1)
    _compare(ours(x, mask=causal_mask(T)), ref(x, src_mask=~causal_mask(T)), (x,))


@pytest.mark.parametrize("norm_first", [False, True])
def test_decoder_layer_matches_torch(norm_first):
    torch.manual_seed(2)
    ref = nn.TransformerDecoderLayer(
        C, H, FF, dropout=0.0, batch_first=True, norm_first=norm_first, dtype=torch.float64
    ).eval()
    cls = PreNormDecoderLayer if norm_first else PostNormDecoderLayer
    ours = cls(C, H, FF, dropout=0.0).double().eval()
    copy_decoder_layer(ours, ref)
    x, mem, keep = _inputs(2)
    ref_out = ref(x, mem, tgt_mask=~causal_mask(T), memory_key_padding_mask=keep == 0)
    ours_out = ours(x, mem, self_mask=causal_mask(T), memory_mask=padding_mask(keep))
    _compare(ours_out, ref_out, (x, mem))


def test_dropout_only_in_training():
    torch.manual_seed(3)
    layer = PostNormEncoderLayer(C, H, FF, dropout=0.5).double()
    x, _, _ = _inputs(3)
    layer.eval()
    torch.testing.assert_close(layer(x), layer(x), atol=0, rtol=0)
    layer.train()
    assert not torch.equal(layer(x), layer(x))


def test_feed_forward_is_position_wise():
    ff = FeedForward(C, FF).double()
    x = torch.randn(1, T, C, dtype=torch.float64)
    torch.testing.assert_close(ff(x)[0, 2], ff(x[:, 2:3])[0, 0], atol=ATOL, rtol=0)


def test_unknown_activation():
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        FeedForward(C, FF, activation="swish")
