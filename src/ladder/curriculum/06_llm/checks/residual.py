"""Checks for the residual-distribution exercise."""

import torch

from ladder.curriculum.expect import expect_close, expect_true


def check_by_hand(submitted, reference):
    """p = (0.5, 0.3, 0.2), q = (0.2, 0.6, 0.2): all the leftover mass is on token 0"""
    p = torch.tensor([0.5, 0.3, 0.2], dtype=torch.float64)
    q = torch.tensor([0.2, 0.6, 0.2], dtype=torch.float64)
    got = submitted(p.clone(), q.clone())
    unclamped = (
        "clamp p − q at 0 before normalising: p − q sums to 0, so unclamped there is "
        "nothing to divide by"
    )
    expect_true(
        torch.is_tensor(got) and bool(torch.isfinite(got).all()),
        f"expected finite probabilities, got {got}",
        inputs={"p": p, "q": q},
        misconception=unclamped,
    )
    expect_close(
        got, reference(p.clone(), q.clone()),
        inputs={"p": p, "q": q},
        mistakes=[(torch.tensor([0.0, 1.0, 0.0]), "the residual is max(0, p − q), not q − p"),
                  (torch.tensor([0.3, 0.0, 0.0]), "renormalise: divide by Σ max(0, p − q)"),
                  (p, unclamped)],
    )  # fmt: skip


def check_rows_and_the_output_law(submitted, reference):
    """rows of a (2, 5) batch; accepted mass + rejected mass · r equals p exactly"""
    g = torch.Generator().manual_seed(0)
    p = torch.softmax(torch.randn(2, 5, generator=g, dtype=torch.float64) * 2, -1)
    q = torch.softmax(torch.randn(2, 5, generator=g, dtype=torch.float64) * 2, -1)
    r = submitted(p.clone(), q.clone())
    expect_close(r, reference(p.clone(), q.clone()), rtol=1e-12, atol=1e-14,
                 inputs={"p": "(2, 5) random", "q": "(2, 5) random"})  # fmt: skip
    accepted = torch.minimum(p, q)
    rejected = 1 - accepted.sum(-1, keepdim=True)
    expect_close(accepted + rejected * r, p, rtol=1e-12, atol=1e-14,
                 inputs={"p": "(2, 5)", "q": "(2, 5)"},
                 what="min(p, q) + (1 − Σ min(p, q)) · r")  # fmt: skip


def check_equal_distributions(submitted, reference):
    """p = q leaves nothing over: return p (no 0 / 0)"""
    p = torch.tensor([0.1, 0.7, 0.2], dtype=torch.float64)
    expect_close(submitted(p.clone(), p.clone()), p, inputs={"p": p, "q": p})
