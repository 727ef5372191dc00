"""Checks for the scaled dot-product attention exercise (tiny tensors, float64)."""

import math

import torch

from ladder.curriculum.expect import expect_close, expect_shape


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
