"""Parity: our attention against torch's SDPA and nn.MultiheadAttention (copied weights)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

import numpy as np  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from torch import nn  # noqa: E402

from ladder.transformer.attention import (  # noqa: E402
    MultiHeadAttention,
    causal_mask,
    merge_heads,
    padding_mask,
    scaled_dot_product_attention,
    split_heads,
)
from tests.tolerance import (  # noqa: E402
    assert_close,
    linearized_atol,
    module_atol,
    rtol_for,
    sum_atol,
)

# float64 throughout: the operations are the same, only summation order can differ, so
# agreement to ~1e-12 shows the math is identical (float32 would only show ~1e-6).


def sdpa_atol(q, k, v, mask=None):
    """Per-element bound for attention outputs, derived from this case's magnitudes
    (tests/tolerance.py: exact Jacobians of torch's attention, n·eps·Σ|terms|)."""

    def f(q, k, v):
        return torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)

    atol, _ = linearized_atol(f, [q, k, v])
    return torch.from_numpy(atol) + rtol_for(np.float64) * f(q, k, v).abs()


def assert_within(actual, expected, atol):
    assert_close(actual.detach().numpy(), expected.detach().numpy(), atol=atol.numpy())


def _qkv(B=2, H=3, Tq=5, Tk=7, D=4, seed=0):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(B, H, t, D, generator=g, dtype=torch.float64) for t in (Tq, Tk, Tk)]


def check_sdpa(mask=None, is_causal=False, Tq=5, Tk=7):
    """One helper: the same q, k, v, mask through ours and F.scaled_dot_product_attention."""
    q, k, v = _qkv(Tq=Tq, Tk=Tk)
    ref = torch.nn.functional.scaled_dot_product_attention(
        q, k, v, attn_mask=mask, is_causal=is_causal
    )
    ours_mask = causal_mask(Tq, Tk) if is_causal else mask
    out, w = scaled_dot_product_attention(q, k, v, ours_mask)
    torch_mask = causal_mask(Tq, Tk) if is_causal else mask
    assert_within(out, ref, sdpa_atol(q, k, v, torch_mask))
    # Tk positive weights, each a few ulps off, summed: (Tk + ELEMENTWISE_ULPS)·eps of 1
    ones = torch.ones_like(w.sum(-1))
    atol = torch.from_numpy(sum_atol(w.numpy(), axis=-1)) + rtol_for(np.float64)
    assert_within(w.sum(-1), ones, atol)
    return w


def test_sdpa_no_mask():
    check_sdpa()


def test_sdpa_causal():
    w = check_sdpa(is_causal=True, Tq=6, Tk=6)
    assert torch.all(w.triu(1) == 0)  # no weight on the future


def test_sdpa_padding_mask():
    keep = torch.ones(2, 7, dtype=torch.long)
    keep[0, 5:] = 0
    keep[1, 2:] = 0
    w = check_sdpa(mask=padding_mask(keep))
    assert torch.all(w[0, ..., 5:] == 0) and torch.all(w[1, ..., 2:] == 0)


def test_sdpa_arbitrary_bool_mask():
    g = torch.Generator().manual_seed(1)
    mask = torch.rand(5, 7, generator=g) > 0.4
    mask[:, 0] = True  # every query keeps at least one key
    check_sdpa(mask=mask)


def test_fully_masked_row_gives_zeros_not_nan():
    q, k, v = _qkv(Tq=2, Tk=3)
    mask = torch.tensor([[True, True, False], [False, False, False]])
    out, w = scaled_dot_product_attention(q, k, v, mask)
    assert not torch.isnan(out).any()
    assert torch.all(w[..., 1, :] == 0) and torch.all(out[..., 1, :] == 0)


def test_causal_mask_with_cache_offset():
    # 2 new queries at positions 3, 4 of a 5-long sequence see keys 0..3 and 0..4
    assert causal_mask(2, 5).int().tolist() == [[1, 1, 1, 1, 0], [1, 1, 1, 1, 1]]
    with pytest.raises(ValueError, match="at least as many keys"):
        causal_mask(5, 2)


def test_split_merge_heads_roundtrip():
    x = torch.randn(2, 5, 12)
    assert split_heads(x, 3).shape == (2, 3, 5, 4)
    torch.testing.assert_close(merge_heads(split_heads(x, 3)), x, atol=0, rtol=0)


def copy_mha_weights(ours: MultiHeadAttention, ref: nn.MultiheadAttention) -> None:
    """torch packs W_q, W_k, W_v into in_proj_weight (3C, C); ours keeps three Linears."""
    C = ours.d_model
    with torch.no_grad():
        for i, lin in enumerate((ours.q_proj, ours.k_proj, ours.v_proj)):
            lin.weight.copy_(ref.in_proj_weight[i * C : (i + 1) * C])
            lin.bias.copy_(ref.in_proj_bias[i * C : (i + 1) * C])
        ours.out_proj.weight.copy_(ref.out_proj.weight)
        ours.out_proj.bias.copy_(ref.out_proj.bias)


@pytest.mark.parametrize("case", ["self", "cross", "causal", "padding"])
def test_multihead_matches_torch(case):
    torch.manual_seed(0)
    C, H, B, Tq, Tk = 12, 3, 2, 5, 5 if case in ("self", "causal") else 6
    ref = nn.MultiheadAttention(C, H, batch_first=True, dtype=torch.float64).eval()
    ours = MultiHeadAttention(C, H).double().eval()
    copy_mha_weights(ours, ref)
    x = torch.randn(B, Tq, C, dtype=torch.float64)
    mem = x if case in ("self", "causal") else torch.randn(B, Tk, C, dtype=torch.float64)
    ref_kwargs, ours_mask = {}, None
    if case == "causal":
        ours_mask = causal_mask(Tq)
        ref_kwargs["attn_mask"] = ~ours_mask  # torch: True = blocked
    if case == "padding":
        keep = torch.ones(B, Tk, dtype=torch.long)
        keep[1, 4:] = 0
        ours_mask = padding_mask(keep)
        ref_kwargs["key_padding_mask"] = keep == 0
    ref_out, ref_w = ref(x, mem, mem, need_weights=True, average_attn_weights=False, **ref_kwargs)
    out, w = ours(x, mem, mem, mask=ours_mask)
    # bounds from the exact Jacobians over the inputs and the weights (tests/tolerance.py)
    kw = dict(need_weights=True, average_attn_weights=False, **ref_kwargs)
    (atol_out, atol_w), _, _ = module_atol(ref, [x, mem, mem], kwargs=kw)
    rtol = rtol_for(np.float64)
    assert_within(out, ref_out, torch.from_numpy(atol_out) + rtol * ref_out.detach().abs())
    assert_within(w, ref_w, torch.from_numpy(atol_w) + rtol * ref_w.detach().abs())
    # Without weights: torch's fused kernel on our projections, the same output.
    fused, none = ours(x, mem, mem, mask=ours_mask, need_weights=False)
    assert none is None
    ref_fused = ref(x, mem, mem, need_weights=False, **ref_kwargs)[0]
    assert_within(fused, ref_fused, torch.from_numpy(atol_out) + rtol * ref_fused.detach().abs())


def test_mha_without_weights_keeps_zero_output_for_rows_with_no_key():
    # Key 0 is masked for every query; query 0 may see only key 0: it has nothing to read.
    torch.manual_seed(0)
    ours = MultiHeadAttention(8, 2).double().eval()
    x = torch.randn(1, 3, 8, dtype=torch.float64)
    mask = torch.tensor([[False, False, False], [False, True, False], [False, True, True]])
    with_w, _ = ours(x, x, x, mask=mask)
    without, _ = ours(x, x, x, mask=mask, need_weights=False)
    torch.testing.assert_close(without, with_w, atol=0, rtol=0)
    assert torch.isfinite(without).all()
    torch.testing.assert_close(without[0, 0], ours.out_proj.bias)  # zero read, then W^O + b


def test_mha_rejects_indivisible_heads():
    with pytest.raises(ValueError, match="not divisible"):
        MultiHeadAttention(10, 3)


@settings(max_examples=40, deadline=None)
@given(
    B=st.integers(1, 3),
    H=st.integers(1, 4),
    Tq=st.integers(1, 9),
    Tk=st.integers(1, 9),
    D=st.integers(1, 8),
    seed=st.integers(0, 2**16),
)
def test_sdpa_matches_torch_on_random_shapes_and_masks(B, H, Tq, Tk, D, seed):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, Tq, D, generator=g, dtype=torch.float64)
    k, v = (torch.randn(B, H, Tk, D, generator=g, dtype=torch.float64) for _ in range(2))
    mask = torch.rand(B, 1, Tq, Tk, generator=g) > 0.5
    mask[..., 0] = True  # torch's result for a fully blocked row is not specified
    ref = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    out, _ = scaled_dot_product_attention(q, k, v, mask)
    assert_within(out, ref, sdpa_atol(q, k, v, mask))
