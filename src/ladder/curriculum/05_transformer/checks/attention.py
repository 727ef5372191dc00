"""Checks for the scaled dot-product attention exercise (tiny tensors, float64)."""

import math

import torch

from ladder.curriculum.expect import expect_close, expect_shape, expect_true


def _qkv(seed=0, shape=(2, 3, 4)):
    g = torch.Generator().manual_seed(seed)
    q, k, v = (torch.randn(*shape, generator=g, dtype=torch.float64) for _ in range(3))
    return q, k, v


def check_worked_example(submitted, reference):
    """the lesson's example: weights 0.670 and 0.330, output (1.660, 2.660)"""
    q = torch.tensor([[1.0, 0.0]], dtype=torch.float64)
    k = torch.tensor([[1.0, 0.0], [0.0, 1.0]], dtype=torch.float64)
    v = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64)
    out, w = submitted(q, k, v)
    ref_out, ref_w = reference(q, k, v)
    unscaled = torch.softmax(q @ k.T, dim=-1)
    expect_close(
        w,
        ref_w,
        inputs={"q": q, "k": k, "v": v},
        what="the attention weights",
        mistakes=[
            (unscaled, "you did not divide the scores by √d_k"),
            (torch.softmax(q @ k.T / 2.0, dim=-1), "divide by √d_k, not by d_k"),
            (
                torch.softmax(q @ k.T / math.sqrt(2), dim=0),
                "take the softmax over the keys (dim=-1)",
            ),
        ],
    )
    expect_close(
        out,
        ref_out,
        inputs={"q": q, "k": k, "v": v},
        what="the output",
        mistakes=[(unscaled @ v, "you did not divide the scores by √d_k")],
    )


def check_batched_random(submitted, reference):
    """matches the reference on a (2, 3, 4) batch and returns (output, weights)"""
    q, k, v = _qkv()
    out, w = submitted(q, k, v)
    ref_out, ref_w = reference(q, k, v)
    expect_shape(
        w, (2, 3, 3), inputs="q, k, v: (2, 3, 4) standard normal (seed 0)", what="the weights"
    )
    expect_close(
        w.sum(-1),
        torch.ones(2, 3, dtype=torch.float64),
        inputs="q, k, v: (2, 3, 4) standard normal (seed 0)",
        what="the row sums of the weights",
    )
    expect_close(
        out, ref_out, inputs="q, k, v: (2, 3, 4) standard normal (seed 0)", what="the output"
    )


def check_every_size_differs(submitted, reference):
    """batch 2, 3 heads, 4 queries, 5 keys, d_k = 6, d_v = 7: scale by √d_k, softmax over keys"""
    g = torch.Generator().manual_seed(3)
    q = torch.randn(2, 3, 4, 6, generator=g, dtype=torch.float64)
    k = torch.randn(2, 3, 5, 6, generator=g, dtype=torch.float64)
    v = torch.randn(2, 3, 5, 7, generator=g, dtype=torch.float64)
    ref_out, ref_w = reference(q.clone(), k.clone(), v.clone())
    out, w = submitted(q, k, v)
    scores = q @ k.transpose(-2, -1)
    inputs = "q (2, 3, 4, 6), k (2, 3, 5, 6), v (2, 3, 5, 7), standard normal (seed 3)"
    wrong_w = [
        (torch.softmax(scores / math.sqrt(7), -1), "scale by √d_k (q's last size, 6), not √d_v"),
        (torch.softmax(scores, -1), "you did not divide the scores by √d_k"),
        (torch.softmax(scores / 6, -1), "divide by √d_k, not by d_k"),
        (
            torch.softmax(scores / math.sqrt(6), -2),
            "take the softmax over the keys (dim=-1): each query's weights sum to 1",
        ),
    ]
    expect_shape(w, (2, 3, 4, 5), inputs=inputs, what="the weights")
    expect_close(w, ref_w, inputs=inputs, what="the weights", mistakes=wrong_w)
    expect_shape(out, (2, 3, 4, 7), inputs=inputs, what="the output")
    expect_close(
        out,
        ref_out,
        inputs=inputs,
        what="the output",
        mistakes=[(ww @ v, why) for ww, why in wrong_w],
    )


def check_large_scores(submitted, reference):
    """scores in the hundreds, rows with very different maxima: a stable softmax"""
    g = torch.Generator().manual_seed(4)
    q = torch.randn(1, 3, 4, generator=g, dtype=torch.float64) * torch.tensor(
        [[[300.0], [2.0], [0.1]]]
    )
    k = torch.randn(1, 5, 4, generator=g, dtype=torch.float64) * 30.0
    v = torch.randn(1, 5, 2, generator=g, dtype=torch.float64)
    ref_out, ref_w = reference(q.clone(), k.clone(), v.clone())
    out, w = submitted(q, k, v)
    inputs = "q (1, 3, 4) with rows scaled by 300, 2 and 0.1; k (1, 5, 4) · 30; v (1, 5, 2)"
    expect_true(
        bool(torch.isfinite(torch.as_tensor(w)).all()),
        "some attention weights are NaN or infinite",
        inputs=inputs,
        misconception="exp overflows (or underflows to 0/0) for scores this large: use "
        "torch.softmax, or subtract each row's own maximum before exp",
    )
    expect_close(w, ref_w, inputs=inputs, what="the weights")
    expect_close(out, ref_out, inputs=inputs, what="the output")


def check_causal_mask(submitted, reference):
    """applies a boolean keep mask before the softmax"""
    q, k, v = _qkv(1, (1, 4, 2))
    mask = torch.ones(4, 4, dtype=torch.bool).tril()
    out, w = submitted(q, k, v, mask)
    ref_out, ref_w = reference(q, k, v, mask)
    softmax_then_zero = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(2), -1) * mask
    expect_close(
        w,
        ref_w,
        inputs={"mask": mask.int()},
        what="the masked weights",
        mistakes=[
            (
                softmax_then_zero,
                "mask the scores with −inf before the softmax, not the weights after it",
            ),
            (reference(q, k, v, ~mask)[1], "True means 'may attend': you masked the wrong entries"),
            (
                torch.softmax((q @ k.transpose(-2, -1) / math.sqrt(2)).masked_fill(~mask, 0.0), -1),
                "fill the masked scores with −inf, not 0: exp(0) = 1 still gives them weight",
            ),
        ],
    )
    expect_close(out, ref_out, inputs={"mask": mask.int()}, what="the output")


def check_fully_masked_row(submitted, reference):
    """a query with no visible key gets zero weights, not NaN"""
    q, k, v = _qkv(2, (1, 2, 2))
    mask = torch.tensor([[True, True], [False, False]])
    out, w = submitted(q, k, v, mask)
    scores = (q @ k.transpose(-2, -1) / math.sqrt(2)).masked_fill(~mask, float("-inf"))
    with_nan = torch.softmax(scores, dim=-1)
    expect_close(
        w,
        reference(q, k, v, mask)[1],
        inputs={"mask": mask.int()},
        what="the weights",
        mistakes=[(with_nan, "replace the NaN of an all −inf row by 0 (torch.nan_to_num)")],
    )
