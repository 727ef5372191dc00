"""Checks for the per-sample clipping exercise (float64 tensors)."""

import torch

from ladder.curriculum.expect import expect_close, expect_true


def _grads():
    g = torch.Generator().manual_seed(0)
    scale = torch.tensor([0.05, 3.0, 0.2, 10.0, 1.0], dtype=torch.float64)
    w = torch.randn(5, 3, 4, generator=g, dtype=torch.float64) * scale[:, None, None]
    b = torch.randn(5, 4, generator=g, dtype=torch.float64) * scale[:, None]
    return {"weight": w, "bias": b}


def _expected_variants(grads, c):
    w, b = grads["weight"], grads["bias"]
    total = torch.sqrt((w**2).sum((1, 2)) + (b**2).sum(1))
    per_param = {
        "weight": w * (c / ((w**2).sum((1, 2)).sqrt() + 1e-6)).clamp(max=1)[:, None, None],
        "bias": b * (c / (b.norm(dim=1) + 1e-6)).clamp(max=1)[:, None],
    }
    no_clamp = {
        "weight": w * (c / (total + 1e-6))[:, None, None],
        "bias": b * (c / (total + 1e-6))[:, None],
    }
    return per_param, no_clamp


def check_clips_each_example(submitted, reference):
    """scales each example by min(1, C / norm) with the norm over all parameters"""
    c = 1.0
    expected = reference(_grads(), c)
    got = submitted(_grads(), c)
    expect_true(
        isinstance(got, dict) and set(got) == {"weight", "bias"},
        "return a dict with the same keys as grads",
    )
    per_param, no_clamp = _expected_variants(_grads(), c)
    for name in ("weight", "bias"):
        expect_close(
            got[name],
            expected[name],
            rtol=1e-6,
            atol=1e-9,
            inputs="5 examples with gradient scales 0.05, 3, 0.2, 10, 1; max_norm 1",
            what=f"the clipped '{name}'",
            mistakes=[
                (
                    per_param[name],
                    "the norm is over all parameters of an example together, not per parameter",
                ),
                (no_clamp[name], "cap the factor at 1: short gradients must not grow"),
            ],
        )


def check_norms_bounded(submitted, reference):
    """after clipping at 0.5, no example is longer than 0.5"""
    got = submitted(_grads(), 0.5)
    norms = torch.sqrt((got["weight"] ** 2).sum((1, 2)) + (got["bias"] ** 2).sum(1))
    expect_true(
        bool((norms <= 0.5 + 1e-6).all()),
        f"some examples are still longer than 0.5: norms {norms.tolist()}",
        inputs="5 examples, max_norm 0.5",
    )


def check_input_untouched(submitted, reference):
    """returns new tensors and leaves the input as it was"""
    grads = _grads()
    before = {k: v.clone() for k, v in grads.items()}
    submitted(grads, 0.3)
    for k in grads:
        expect_true(
            torch.equal(grads[k], before[k]),
            f"the input '{k}' was changed in place; multiply into new tensors",
        )
