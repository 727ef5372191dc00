"""Checks for the LoRA forward exercise."""

import torch

from ladder.curriculum.expect import expect_close


def _inputs(bias=True):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 3, 5, generator=g, dtype=torch.float64)  # batch 2, 3 tokens, in = 5
    w = torch.randn(4, 5, generator=g, dtype=torch.float64)  # out = 4
    b = torch.randn(4, generator=g, dtype=torch.float64) if bias else None
    a = torch.randn(2, 5, generator=g, dtype=torch.float64)  # r = 2
    bb = torch.randn(4, 2, generator=g, dtype=torch.float64)
    return x, w, b, a, bb


def check_forward(submitted, reference):
    """x (2, 3, 5), W (4, 5), A (2, 5), B (4, 2), scaling 1.5: output (2, 3, 4)"""
    x, w, b, a, bb = _inputs()
    want = reference(x, w, b, a, bb, 1.5)
    got = submitted(x.clone(), w.clone(), b.clone(), a.clone(), bb.clone(), 1.5)
    base = x @ w.T + b
    delta = x @ a.T @ bb.T
    expect_close(
        got,
        want,
        rtol=1e-10,
        inputs={"x": x, "weight": w, "bias": b, "lora_A": a, "lora_B": bb, "scaling": 1.5},
        mistakes=[
            (base + delta, "multiply the low-rank update by scaling = alpha / r"),
            (1.5 * (base + delta), "scale only the update, not the frozen layer's output"),
            (x @ w.T + 1.5 * delta, "add the bias of the frozen layer"),
        ],
    )


def check_no_bias(submitted, reference):
    """bias None: the layer has no bias"""
    x, w, _, a, bb = _inputs(bias=False)
    expect_close(
        submitted(x.clone(), w.clone(), None, a.clone(), bb.clone(), 0.25),
        reference(x, w, None, a, bb, 0.25),
        rtol=1e-10,
        inputs={"x": x, "bias": None, "scaling": 0.25},
    )


def check_zero_B_is_the_base(submitted, reference):
    """B = 0 (LoRA's initialisation): exactly the frozen layer"""
    x, w, b, a, bb = _inputs()
    z = torch.zeros_like(bb)
    expect_close(
        submitted(x.clone(), w.clone(), b.clone(), a.clone(), z, 2.0),
        x @ w.T + b,
        rtol=1e-12,
        inputs={"lora_B": z, "scaling": 2.0},
    )
