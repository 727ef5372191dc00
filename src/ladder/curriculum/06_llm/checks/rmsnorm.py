"""Checks for the RMSNorm exercise."""

import torch

from ladder.curriculum.expect import expect_close, expect_true


def _inputs(seed, shape, scale=1.0, shift=0.0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(*shape, generator=g) * scale + shift
    w = torch.rand(shape[-1], generator=g) + 0.5
    return x, w


def _layer_norm(x, w, eps):
    x = x - x.mean(-1, keepdim=True)
    return w * x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps)


def check_normalises_last_dimension(submitted, reference):
    """divides each row by its root mean square and scales by the weight"""
    x, w = _inputs(0, (2, 3, 5), scale=2.0, shift=1.5)  # rows with non-zero means
    want = reference(x.clone(), w.clone(), 1e-6)
    expect_close(
        submitted(x.clone(), w.clone(), 1e-6), want, rtol=1e-5, atol=1e-6,
        inputs={"x": x, "weight": w, "eps": 1e-6},
        mistakes=[
            (_layer_norm(x, w, 1e-6), "that is LayerNorm: RMSNorm does not subtract the mean"),
            (want / w, "multiply the normalised x by weight"),
            (w * x / torch.sqrt(x.pow(2).mean(1, keepdim=True) + 1e-6),
             "normalise over the last dimension (the channels), dim=-1"),
        ],
    )  # fmt: skip


def check_eps_inside_the_root(submitted, reference):
    """eps is added to the mean square, inside the square root"""
    x, w = _inputs(1, (3, 4), scale=1e-3)  # mean square ~1e-6: eps = 1e-5 matters
    want = reference(x.clone(), w.clone(), 1e-5)
    expect_close(
        submitted(x.clone(), w.clone(), 1e-5), want, rtol=1e-5, atol=1e-7,
        inputs={"x": x, "weight": w, "eps": 1e-5},
        mistakes=[(w * x / (torch.sqrt(x.pow(2).mean(-1, keepdim=True)) + 1e-5),
                   "eps goes inside the square root: sqrt(mean(x²) + eps)")],
    )  # fmt: skip
    zero = torch.zeros(2, 4)
    got = submitted(zero, torch.ones(4), 1e-6)
    expect_true(
        bool(torch.isfinite(got).all()),
        "a row of zeros gave NaN or inf",
        inputs={"x": zero, "eps": 1e-6},
        misconception="add eps before taking the root so a zero row stays finite",
    )


def check_bfloat16_and_float64(submitted, reference):
    """bfloat16 input: statistic in float32, result in bfloat16; float64 stays float64"""
    x, w = _inputs(2, (4, 6), scale=30.0)
    xb = x.to(torch.bfloat16)
    want = reference(xb.clone(), w.clone(), 1e-6)
    got = submitted(xb.clone(), w.clone(), 1e-6)
    expect_true(
        got.dtype == want.dtype,
        f"the result is {got.dtype}, expected {want.dtype}",
        inputs={"x": "bfloat16 (4, 6)", "weight": "float32 (6,)"},
        misconception="cast the normalised x back to x's dtype before the weight",
    )
    expect_close(got.float(), want.float(), rtol=0, atol=0,
                 inputs={"x": xb.float(), "dtype": "bfloat16"})  # fmt: skip
    xd = x.double()
    expect_close(submitted(xd.clone(), w.double(), 1e-6), reference(xd.clone(), w.double(), 1e-6),
                 rtol=1e-12, atol=1e-12, inputs={"x": "float64 (4, 6)"})  # fmt: skip
