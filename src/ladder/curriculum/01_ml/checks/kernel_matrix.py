"""Checks for the kernel-matrix exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def _data():
    rng = np.random.default_rng(14)
    return rng.normal(size=(5, 3)), rng.normal(size=(4, 3))


def check_linear(submitted, reference):
    """linear: the inner products aᵀb"""
    A, B = _data()
    expect_close(
        submitted(A, B, "linear", 1.0, 3, 0.0),
        reference(A, B, "linear", 1.0, 3, 0.0),
        inputs="A (5, 3), B (4, 3) standard normal (seed 14)",
        mistakes=[(B @ A.T, "K[i, j] pairs row i of A with row j of B: A @ B.T")],
    )


def check_rbf(submitted, reference):
    """rbf: exp(−γ‖a − b‖²)"""
    A, B = _data()
    sq = ((A[:, None, :] - B[None, :, :]) ** 2).sum(-1)
    expect_close(
        submitted(A, B, "rbf", 0.5, 3, 0.0),
        reference(A, B, "rbf", 0.5, 3, 0.0),
        inputs="the same A, B; gamma 0.5",
        mistakes=[
            (np.exp(-0.5 * np.sqrt(sq)), "use the squared distance ‖a − b‖², not the distance"),
            (np.exp(0.5 * sq), "the exponent is negative: exp(−γ‖a − b‖²)"),
            (np.exp(-sq / 0.5), "multiply by gamma, do not divide"),
        ],
    )


def check_rbf_of_a_point_with_itself(submitted, reference):
    """rbf: k(a, a) = 1"""
    A, _ = _data()
    expect_close(
        np.diag(submitted(A, A, "rbf", 2.0, 3, 0.0)),
        np.ones(5),
        what="the diagonal",
        inputs="A with itself; gamma 2",
    )


def check_poly(submitted, reference):
    """poly: (γ aᵀb + c₀)^degree, for degrees 3 and 2"""
    A, B = _data()
    G = A @ B.T
    for degree in (3, 2):
        expected = reference(A.copy(), B.copy(), "poly", 0.5, degree, 1.0)
        expect_close(
            submitted(A.copy(), B.copy(), "poly", 0.5, degree, 1.0),
            expected,
            inputs=f"the same A, B; gamma 0.5, degree {degree}, coef0 1",
            mistakes=[
                ((0.5 * G) ** degree + 1.0, "add coef0 inside the power: (γ aᵀb + c₀)^d"),
                ((G + 1.0) ** degree, "multiply aᵀb by gamma: (γ aᵀb + c₀)^d"),
                ((0.5 * G + 1.0) ** 3, "use the degree argument, not a fixed power"),
            ],
        )


def check_sigmoid(submitted, reference):
    """sigmoid: tanh(γ aᵀb + c₀)"""
    A, B = _data()
    u = 0.2 * A @ B.T - 1.0
    expected = reference(A.copy(), B.copy(), "sigmoid", 0.2, 3, -1.0)
    expect_close(
        submitted(A.copy(), B.copy(), "sigmoid", 0.2, 3, -1.0),
        expected,
        inputs="the same A, B; gamma 0.2, coef0 −1",
        mistakes=[(1 / (1 + np.exp(-u)), "the sigmoid kernel uses tanh, not the logistic σ")],
    )
