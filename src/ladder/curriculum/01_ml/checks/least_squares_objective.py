"""Checks for the least-squares-objective exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_shape


def _case():
    rng = np.random.default_rng(4)
    X = np.c_[np.ones(6), rng.normal(size=(6, 2))]
    y = rng.normal(size=6)
    w = np.array([0.5, -1.0, 2.0])
    return X, y, w


def check_value(submitted, reference):
    """f(w) is the mean of the squared residuals"""
    X, y, w = _case()
    r = X @ w - y
    expect_close(
        submitted(X, y)[0](w),
        reference(X, y)[0](w),
        inputs={"X": X, "y": y, "w": w},
        mistakes=[
            (np.sum(r**2), "divide the sum of squares by n"),
            (0.5 * np.mean(r**2), "this objective has no factor 1/2"),
        ],
    )


def check_gradient(submitted, reference):
    """grad(w) = (2/n) X^T (X w - y)"""
    X, y, w = _case()
    n, r = len(y), X @ w - y
    expect_close(
        submitted(X, y)[1](w),
        reference(X, y)[1](w),
        inputs={"X": X, "y": y, "w": w},
        mistakes=[
            ((1 / n) * X.T @ r, "the derivative of a square brings a factor 2"),
            (2 * X.T @ r, "divide by n: f is a mean, not a sum"),
            ((2 / n) * X.T @ (y - X @ w), "the sign: the residual inside is X w - y"),
        ],
    )


def check_gradient_matches_finite_differences(submitted, reference):
    """the gradient agrees with central finite differences of f"""
    X, y, w = _case()
    f, grad, _ = submitted(X, y)
    h = 1e-6
    fd = np.array([(f(w + h * e) - f(w - h * e)) / (2 * h) for e in np.eye(3)])
    # Central differences of a quadratic are exact up to rounding, about 1e-9 here.
    expect_close(
        grad(w), fd, rtol=1e-5, atol=1e-6, what="grad(w)", inputs="the same X, y, w; h = 1e-6"
    )


def check_hessian(submitted, reference):
    """hess(w) = (2/n) X^T X, shape (p, p)"""
    X, y, w = _case()
    H = submitted(X, y)[2](w)
    expect_shape(H, (3, 3), inputs="X of shape (6, 3)")
    expect_close(
        H,
        reference(X, y)[2](w),
        inputs={"X": X},
        mistakes=[
            (X.T @ X / len(y), "the Hessian of (1/n)||Xw - y||² has a factor 2"),
            (2 * X.T @ X, "divide by n"),
        ],
    )
