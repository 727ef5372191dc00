"""Parity: our encoder/decoder layers against torch's, with copied weights, both norms."""

from __future__ import annotations

import numpy as np
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
from tests.tolerance import linear_terms_scale, network_atol, terms_scales  # noqa: E402
from tests.transformer.torch_twins import copy_decoder_layer, copy_encoder_layer  # noqa: E402

# float64 on both sides: same operations, only summation order differs. The bound is
# derived per case (tests/tolerance.py, network_atol) from the sums the reference forms.
C, H, FF, B, T, S = 16, 4, 32, 2, 6, 7


def layer_atols(ref, run, weights) -> tuple[float, float]:
    """Bounds for one layer's outputs and for the gradients of Σ weights·outputs: per
    attention 4 sum-forming stages (q/k/v, scores, weighted sum, output projection), 2 for
    the feed-forward, twice that backward; sums of at most max(FF, C, S, B·T) terms; the
    scales are the largest Σ|terms| measured in the reference's matmuls, forward and back."""
    attentions = sum(isinstance(m, nn.MultiheadAttention) for m in ref.modules())
    depth = 4 * attentions + 2
    width = max(FF, C, S, B * T)
    forward = terms_scales(ref, call=run)["forward"]
    backward = linear_terms_scale(ref, call=run, loss=lambda out: (out * weights).sum())
    return (
        network_atol(np.float64, depth=depth, width=width, scale=forward),
        network_atol(np.float64, depth=2 * depth, width=width, scale=max(forward, backward)),
    )


def _inputs(seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, C, generator=g, dtype=torch.float64, requires_grad=True)
    mem = torch.randn(B, S, C, generator=g, dtype=torch.float64, requires_grad=True)
    keep = torch.ones(B, S, dtype=torch.long)
    keep[1, 5:] = 0  # the second source sequence has 2 padding positions
    return x, mem, keep


def _compare(ours_out, ref_out, inputs, run, ours=None, ref=None, ref_layer=None):
    """Forward values, and gradients of the same scalar w.r.t. the inputs and weights;
    ``run()`` calls the reference layer ``ref_layer`` (default ``ref``) as ``ref_out`` came."""
    w = torch.linspace(-1, 1, ours_out.numel(), dtype=torch.float64).view_as(ours_out)
    atol, atol_grad = layer_atols(ref if ref_layer is None else ref_layer, run, w.detach())
    torch.testing.assert_close(ours_out, ref_out, atol=atol, rtol=0)
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
        torch.testing.assert_close(a, b if s is None else b[s], atol=atol_grad, rtol=0)


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
    run = lambda: ref(x, src_key_padding_mask=keep == 0)  # noqa: E731  (torch: True = padding)
    ref_out = run()
    ours_out = ours(x, mask=padding_mask(keep))
    _compare(ours_out, ref_out, (x,), run, ours, ref)


@pytest.mark.parametrize("norm_first", [False, True])
def test_encoder_layer_causal(norm_first):
    torch.manual_seed(1)
    ref = nn.TransformerEncoderLayer(
        C, H, FF, dropout=0.0, batch_first=True, norm_first=norm_first, dtype=torch.float64
    ).eval()
    ours = (PreNormEncoderLayer if norm_first else PostNormEncoderLayer)(C, H, FF).double()
    copy_encoder_layer(ours, ref)
    x, _, _ = _inputs(1)
    run = lambda: ref(x, src_mask=~causal_mask(T))  # noqa: E731
    _compare(ours(x, mask=causal_mask(T)), run(), (x,), run, ref_layer=ref)


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
    run = lambda: ref(x, mem, tgt_mask=~causal_mask(T), memory_key_padding_mask=keep == 0)  # noqa: E731
    ref_out = run()
    ours_out = ours(x, mem, self_mask=causal_mask(T), memory_mask=padding_mask(keep))
    _compare(ours_out, ref_out, (x, mem), run, ref_layer=ref)


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
    # the same two matmuls on one row or on six: rounding only
    atol = network_atol(np.float64, depth=2, width=FF, scale=linear_terms_scale(ff, x))
    torch.testing.assert_close(ff(x)[0, 2], ff(x[:, 2:3])[0, 0], atol=atol, rtol=0)


def test_unknown_activation():
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        FeedForward(C, FF, activation="swish")
