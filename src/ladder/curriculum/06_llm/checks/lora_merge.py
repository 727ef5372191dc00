"""Checks for the LoRA merge exercise."""

import torch

from ladder.curriculum.expect import expect_close


def _inputs():
    g = torch.Generator().manual_seed(1)
    w = torch.randn(4, 6, generator=g, dtype=torch.float64)  # out 4, in 6: not square
    a = torch.randn(3, 6, generator=g, dtype=torch.float64)  # r = 3
    b = torch.randn(4, 3, generator=g, dtype=torch.float64)
    return w, a, b


def check_merge(submitted, reference):
    """W (4, 6), A (3, 6), B (4, 3), scaling 0.5: W + 0.5 · B A"""
    w, a, b = _inputs()
    want = reference(w, a, b, 0.5)
    w_arg = w.clone()
    got = submitted(w_arg, a.clone(), b.clone(), 0.5)
    expect_close(
        got,
        want,
        rtol=1e-12,
        inputs={"weight": w, "lora_A": a, "lora_B": b, "scaling": 0.5},
        mistakes=[
            (w + b @ a, "multiply B A by scaling = alpha / r"),
            (w - 0.5 * b @ a, "merging adds the update; unmerging subtracts it"),
        ],
    )
    expect_close(
        w_arg,
        w,
        rtol=0,
        atol=0,
        inputs={"weight": w},
        what="weight after the call",
        mistakes=[(want, "return a new tensor: the base weight must stay unchanged")],
    )


def check_merge_equals_forward(submitted, reference):
    """x W'ᵀ equals the unmerged forward x Wᵀ + scaling · x Aᵀ Bᵀ"""
    w, a, b = _inputs()
    x = torch.randn(5, 6, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    merged = submitted(w.clone(), a.clone(), b.clone(), 2.0)
    expect_close(
        x @ torch.as_tensor(merged).T,
        x @ w.T + 2.0 * (x @ a.T @ b.T),
        rtol=1e-10,
        inputs={"x": x, "scaling": 2.0},
        what="x @ merged.T",
    )
