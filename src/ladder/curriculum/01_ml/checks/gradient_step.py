"""Checks for the gradient-descent-step exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_true


def _case():
    X = np.array([[1.0, 2.0], [1.0, 0.0], [1.0, -1.0]])
    y = np.array([3.0, 1.0, 0.5])
    w = np.array([0.1, -0.2])
    return X, y, w


def check_one_step(submitted, reference):
    """w - lr * (2/n) X^T (X w - y) on a small example"""
    X, y, w = _case()
    lr = 0.1
    n = len(y)
    r = X @ w - y
    expect_close(
        submitted(X, y, w.copy(), lr),
        reference(X, y, w, lr),
        inputs={"X": X, "y": y, "w": w, "learning_rate": lr},
        mistakes=[
            (w - lr * (1 / n) * X.T @ r, "the gradient of (1/n)||Xw - y||² has a factor 2"),
            (w - lr * 2 * X.T @ r, "divide the gradient by the number of samples n"),
            (
                w + lr * (2 / n) * X.T @ r,
                "step against the gradient: subtract it, with the residual X w − y",
            ),
            (
                w - lr * (2 / len(w)) * X.T @ r,
                "n in 2/n is the number of samples, len(y), not the number of weights",
            ),
            (w - (2 / n) * X.T @ r, "multiply the gradient by the learning rate"),
        ],
    )


def check_does_not_modify_w(submitted, reference):
    """leaves the caller's w unchanged"""
    X, y, w = _case()
    before = w.copy()
    submitted(X, y, w, 0.1)
    expect_true(
        np.array_equal(w, before),
        "the input w was modified in place",
        inputs={"w before": before, "w after": w},
        misconception="`w -= ...` changes the caller's array; compute `w - ...` instead",
    )


def check_converges_to_least_squares(submitted, reference):
    """500 steps reach the least-squares solution"""
    rng = np.random.default_rng(3)
    X = np.c_[np.ones(40), rng.normal(size=(40, 2))]
    y = X @ np.array([1.0, -2.0, 0.5]) + rng.normal(scale=0.05, size=40)
    w = np.zeros(3)
    for _ in range(500):
        w = submitted(X, y, w, 0.2)
    # The contraction factor per step is below 0.9 here, so after 500 steps the
    # remaining error is far under 1e-6.
    expect_close(
        w,
        np.linalg.lstsq(X, y, rcond=None)[0],
        rtol=1e-6,
        atol=1e-6,
        inputs="X: ones and 2 normal columns (40 rows, seed 3); 500 steps, learning rate 0.2",
    )
