"""Checks for the two-layer MLP backward exercise (against the reference, which equals
torch.autograd). Every dimension differs, so a transposed factor changes a shape."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_equal

N, D, H, C = 5, 4, 3, 6


def _data(seed, n=N, d=D, h=H, c=C, scale=1.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * scale
    y = rng.integers(0, c, n)
    return (
        X,
        y,
        rng.normal(size=(h, d)),
        rng.normal(size=h),
        rng.normal(size=(c, h)),
        rng.normal(size=c),
    )


def _variant(kind, X, y, W1, b1, W2, b2):
    """The reference gradients with one known mistake."""
    Z1 = X @ W1.T + b1
    Hh = np.maximum(Z1, 0)
    Z2 = Hh @ W2.T + b2
    P = np.exp(Z2 - Z2.max(1, keepdims=True))
    P /= P.sum(1, keepdims=True)
    G2 = P.copy()
    G2[np.arange(len(y)), y] -= 1
    if kind != "no_mean":
        G2 /= len(y)
    G1 = G2 @ W2 if kind == "no_mask" else (G2 @ W2) * (Z1 > 0)
    return {"W1": G1.T @ X, "b1": G1.sum(0), "W2": G2.T @ Hh, "b2": G2.sum(0)}


def _compare(submitted, reference, args, label):
    loss_e, grads_e = reference(*args)
    loss_a, grads_a = submitted(*args)
    inputs = {"batch": label}
    expect_close(loss_a, loss_e, what="the loss", inputs=inputs)
    expect_equal(sorted(grads_a), ["W1", "W2", "b1", "b2"], what="the keys of the gradients",
                 inputs=inputs)  # fmt: skip
    for k in ("W2", "b2", "W1", "b1"):
        expect_equal(np.shape(grads_a[k]), grads_e[k].shape, what=f"the shape of d{k}",
                     inputs=inputs)  # fmt: skip
        expect_close(
            grads_a[k], grads_e[k], what=f"d{k}", inputs=inputs,
            mistakes=[
                (_variant("no_mean", *args)[k], "divide P - Y by N: the loss is a mean"),
                (_variant("no_mask", *args)[k], "multiply by ReLU's derivative, [Z1 > 0]"),
            ],
        )  # fmt: skip


def check_small_batch(submitted, reference):
    """N = 5, d = 4, h = 3, C = 6: loss and all four gradients"""
    _compare(submitted, reference, _data(0), "N=5, d=4, h=3, C=6")


def check_other_sizes(submitted, reference):
    """another batch: N = 8, d = 7, h = 10, C = 2"""
    _compare(submitted, reference, _data(1, 8, 7, 10, 2), "N=8, d=7, h=10, C=2")


def check_large_scores(submitted, reference):
    """large inputs: the log-sum-exp keeps the loss finite"""
    _compare(
        submitted,
        reference,
        _data(2, scale=500.0),
        "N=5, d=4, h=3, C=6, inputs × 500 (scores in the thousands)",
    )
