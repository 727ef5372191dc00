"""Checks for the multi-head attention exercise: same weights as the reference, same result."""

import torch

from ladder.curriculum.expect import expect_close, expect_shape
from ladder.transformer.attention import merge_heads, scaled_dot_product_attention, split_heads


def _pair(submitted, reference, d_model=8, n_head=2):
    torch.manual_seed(0)
    ref = reference(d_model, n_head).double().eval()
    sub = submitted(d_model, n_head).double().eval()
    sub.load_state_dict(ref.state_dict())
    return sub, ref


def _x(shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def check_self_attention(submitted, reference):
    """self-attention on (2, 3, 8) with 2 heads: output and per-head weights"""
    sub, ref = _pair(submitted, reference)
    x = _x((2, 3, 8), 1)
    with torch.no_grad():
        out, w = sub(x, x, x)
        ref_out, ref_w = ref(x, x, x)
        heads = [split_heads(p(x), 2) for p in (ref.q_proj, ref.k_proj, ref.v_proj)]
        no_out_proj = merge_heads(scaled_dot_product_attention(*heads)[0])
    inputs = "x: (2, 3, 8) standard normal (seed 1), d_model=8, n_head=2, weights copied"
    expect_shape(w, (2, 2, 3, 3), inputs=inputs, what="the weights")
    expect_close(w, ref_w, inputs=inputs, what="the weights")
    expect_close(
        out,
        ref_out,
        inputs=inputs,
        what="the output",
        mistakes=[(no_out_proj, "apply out_proj to the merged heads")],
    )


def check_cross_attention(submitted, reference):
    """queries from one sequence (length 2), keys and values from another (length 4)"""
    sub, ref = _pair(submitted, reference)
    xq, xkv = _x((1, 2, 8), 2), _x((1, 4, 8), 3)
    with torch.no_grad():
        out, w = sub(xq, xkv, xkv)
        ref_out, ref_w = ref(xq, xkv, xkv)
    inputs = "query (1, 2, 8), key = value (1, 4, 8), d_model=8, n_head=2"
    expect_shape(w, (1, 2, 2, 4), inputs=inputs, what="the weights")
    expect_close(out, ref_out, inputs=inputs, what="the output")


def check_mask(submitted, reference):
    """passes the keep mask through to every head"""
    sub, ref = _pair(submitted, reference)
    x = _x((1, 4, 8), 4)
    mask = torch.ones(4, 4, dtype=torch.bool).tril()
    with torch.no_grad():
        out, w = sub(x, x, x, mask)
        ref_out, ref_w = ref(x, x, x, mask)
        unmasked = ref(x, x, x)[0]
    inputs = {"x": "(1, 4, 8) standard normal (seed 4)", "mask": mask.int()}
    expect_close(
        out,
        ref_out,
        inputs=inputs,
        what="the output",
        mistakes=[(unmasked, "pass mask on to the attention")],
    )
