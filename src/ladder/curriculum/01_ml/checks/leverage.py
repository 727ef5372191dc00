"""Checks for the leverage exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_shape


def check_small_design(submitted, reference):
    """an intercept and one feature: the far-out point has the largest leverage"""
    X = np.c_[np.ones(5), [0.0, 1.0, 2.0, 3.0, 10.0]]
    G = np.linalg.inv(X.T @ X)
    expected = reference(X.copy())
    expect_close(
        submitted(X.copy()),
        expected,
        inputs={"exog": X},
        mistakes=[
            (
                expected - 1 / len(X),
                "the centred form (x_i − x̄)ᵀ(X̃ᵀX̃)⁻¹(x_i − x̄) leaves out the intercept's share: "
                "add 1/n for the intercept, or use the design with its ones column",
            ),
            (np.diag(X @ X.T), "use (XᵀX)⁻¹ between the rows: h_ii = x_iᵀ(XᵀX)⁻¹x_i"),
            (
                np.sum(X @ G, axis=1),
                "take the row-wise product with X before summing: sum((X @ G) * X, axis=1)",
            ),
            (
                np.diag(G),
                "that is the diagonal of (XᵀX)⁻¹ (k values); leverage has one value per row",
            ),
        ],
    )


def check_shape_and_trace(submitted, reference):
    """one value per row, summing to the number of columns"""
    rng = np.random.default_rng(5)
    X = np.c_[np.ones(30), rng.normal(size=(30, 3))]
    h = submitted(X)
    expect_shape(h, (30,), inputs="X of shape (30, 4)")
    expect_close(
        float(np.sum(h)), 4.0, what="the sum of the leverages", inputs="X of shape (30, 4)"
    )


def check_diabetes_like(submitted, reference):
    """matches the reference on a random 200 x 6 design"""
    rng = np.random.default_rng(6)
    X = np.c_[np.ones(200), rng.normal(size=(200, 5)) * [1, 10, 0.1, 3, 1]]
    # Both are exact formulas on a well-conditioned design; 1e-9 allows rounding.
    expect_close(
        submitted(X),
        reference(X),
        rtol=1e-9,
        atol=1e-12,
        inputs="ones and 5 scaled normal columns (200 rows, seed 6)",
    )
