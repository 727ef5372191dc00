"""Checks for the multi-head attention exercise: same weights as the reference, same result.

d_model = 12 with 3 heads (head size 4), batch 2, 5 positions: no two sizes alike, so a
transposed or wrongly split tensor cannot pass."""

import math

import torch

from ladder.curriculum.expect import expect_close, expect_shape
from ladder.transformer.attention import merge_heads, scaled_dot_product_attention, split_heads

D_MODEL, N_HEAD = 12, 3


def _pair(submitted, reference, d_model=D_MODEL, n_head=N_HEAD):
    torch.manual_seed(0)
    ref = reference(d_model, n_head).double().eval()
    sub = submitted(d_model, n_head).double().eval()
    sub.load_state_dict(ref.state_dict())
    return sub, ref


def _x(shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def check_self_attention(submitted, reference):
    """self-attention on (2, 5, 12) with 3 heads: output and per-head weights"""
    sub, ref = _pair(submitted, reference)
    x = _x((2, 5, D_MODEL), 1)
    with torch.no_grad():
        ref_out, ref_w = ref(x, x, x)
        out, w = sub(x, x, x)
        q, k, v = (split_heads(p(x), N_HEAD) for p in (ref.q_proj, ref.k_proj, ref.v_proj))
        no_out_proj = merge_heads(scaled_dot_product_attention(q, k, v)[0])
        by_d_model = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(D_MODEL), -1)
    inputs = "x: (2, 5, 12) standard normal (seed 1), d_model=12, n_head=3, weights copied"
    expect_shape(w, (2, N_HEAD, 5, 5), inputs=inputs, what="the weights")
    expect_close(
        w,
        ref_w,
        inputs=inputs,
        what="the weights",
        mistakes=[
            (by_d_model, "scale by √(head size) = √(d_model / n_head), not √d_model"),
        ],
    )
    expect_close(
        out,
        ref_out,
        inputs=inputs,
        what="the output",
        mistakes=[(no_out_proj, "apply out_proj to the merged heads")],
    )


def check_cross_attention(submitted, reference):
    """queries from one sequence (length 2), keys and values from another (length 6)"""
    sub, ref = _pair(submitted, reference)
    xq, xkv = _x((1, 2, D_MODEL), 2), _x((1, 6, D_MODEL), 3)
    with torch.no_grad():
        ref_out, ref_w = ref(xq, xkv, xkv)
        out, w = sub(xq, xkv, xkv)
    inputs = "query (1, 2, 12), key = value (1, 6, 12), d_model=12, n_head=3"
    expect_shape(w, (1, N_HEAD, 2, 6), inputs=inputs, what="the weights")
    expect_close(out, ref_out, inputs=inputs, what="the output")


def check_key_differs_from_value(submitted, reference):
    """key and value from different tensors: k_proj reads the key, v_proj the value"""
    sub, ref = _pair(submitted, reference)
    xq, xk, xv = _x((2, 3, D_MODEL), 5), _x((2, 4, D_MODEL), 6), _x((2, 4, D_MODEL), 7)
    with torch.no_grad():
        ref_out, _ = ref(xq, xk, xv)
        out, _ = sub(xq, xk, xv)
    inputs = "query (2, 3, 12), key (2, 4, 12), value (2, 4, 12), all different"
    expect_close(out, ref_out, inputs=inputs, what="the output")


def check_mask(submitted, reference):
    """passes the keep mask through to every head"""
    sub, ref = _pair(submitted, reference)
    x = _x((1, 5, D_MODEL), 4)
    mask = torch.ones(5, 5, dtype=torch.bool).tril()
    with torch.no_grad():
        ref_out, ref_w = ref(x, x, x, mask)
        out, w = sub(x, x, x, mask)
        unmasked = ref(x, x, x)[0]
    inputs = {"x": "(1, 5, 12) standard normal (seed 4)", "mask": mask.int()}
    expect_close(
        out,
        ref_out,
        inputs=inputs,
        what="the output",
        mistakes=[(unmasked, "pass mask on to the attention")],
    )
