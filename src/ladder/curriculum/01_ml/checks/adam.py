"""Checks for the Adam exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_equal


def _quadratic():
    A = np.array([[3.0, 0.5], [0.5, 1.0]])
    b = np.array([1.0, -2.0])
    return A, b, (lambda x: A @ x - b)


def _wrong_runs(grad, x0, lr, steps, eps=1e-8):
    """What common slips produce after ``steps`` steps."""
    outs = {}
    for name in ("no_correction", "no_sqrt", "plain_m", "late_correction", "eps_inside"):
        x = np.array(x0, dtype=float)
        m = np.zeros_like(x)
        v = np.zeros_like(x)
        for t in range(1, steps + 1):
            g = grad(x)
            m = (0.9 * m + g) if name == "plain_m" else 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g**2
            k = t + 1 if name == "late_correction" else t
            m_hat, v_hat = m / (1 - 0.9**k), v / (1 - 0.999**k)
            if name == "no_correction":
                x = x - lr * m / (np.sqrt(v) + eps)
            elif name == "no_sqrt":
                x = x - lr * m_hat / (v_hat + eps)
            elif name == "eps_inside":
                x = x - lr * m_hat / np.sqrt(v_hat + eps)
            else:
                x = x - lr * m_hat / (np.sqrt(v_hat) + eps)
        outs[name] = x
    return outs


def _mistakes(wrong):
    return [
        (
            wrong["no_correction"],
            "divide m by (1 − beta1**t) and v by (1 − beta2**t): the bias corrections",
        ),
        (wrong["no_sqrt"], "divide by the square root of v_hat, not by v_hat"),
        (wrong["plain_m"], "m is a weighted mean: beta1 * m + (1 - beta1) * g"),
        (
            wrong["late_correction"],
            "t counts from 1: the first step divides m by 1 − beta1 and v by 1 − beta2",
        ),
        (wrong["eps_inside"], "add eps outside the root: sqrt(v_hat) + eps"),
    ]


def check_first_step(submitted, reference):
    """the first step moves every coordinate by about the learning rate"""
    _, _, grad = _quadratic()
    x0 = [2.0, 2.0]
    wrong = _wrong_runs(grad, x0, 0.1, 1)
    expect_close(
        submitted(grad, x0, learning_rate=0.1, max_iter=1, tol=0.0).x,
        reference(grad, x0, learning_rate=0.1, max_iter=1, tol=0.0).x,
        inputs="f(x) = ½xᵀAx − bᵀx, A = [[3, .5], [.5, 1]], b = [1, −2]; "
        "x0 = [2, 2]; one step, lr 0.1",
        mistakes=_mistakes(wrong),
    )


def check_fifty_steps(submitted, reference):
    """50 steps follow the reference trajectory"""
    _, _, grad = _quadratic()
    x0 = [2.0, 2.0]
    wrong = _wrong_runs(grad, x0, 0.05, 50)
    ref = reference(grad, x0, learning_rate=0.05, max_iter=50, tol=0.0)
    got = submitted(grad, x0, learning_rate=0.05, max_iter=50, tol=0.0)
    expect_close(
        got.x,
        ref.x,
        inputs="the same quadratic; 50 steps, lr 0.05",
        mistakes=_mistakes(wrong),
    )
    expect_equal(got.n_iter, 50, what="n_iter", inputs="tol 0: every step is taken")
    expect_equal(
        bool(got.converged),
        False,
        what="converged",
        inputs="tol 0: ||g|| < 0 never holds",
        mistakes=[(True, "converged says whether ||grad(x)|| < tol, not that the loop ended")],
    )


def check_eps_outside_the_root(submitted, reference):
    """eps is added to sqrt(v_hat), after the square root"""
    _, _, grad = _quadratic()
    x0 = [2.0, 2.0]
    # With eps = 0.5 and gradients of order 1, sqrt(v_hat) + eps and sqrt(v_hat + eps)
    # differ by about 20 %; with the default 1e-8 the two would agree to 1e-8.
    wrong = _wrong_runs(grad, x0, 0.1, 5, eps=0.5)
    expect_close(
        submitted(grad, x0, learning_rate=0.1, eps=0.5, max_iter=5, tol=0.0).x,
        reference(grad, x0, learning_rate=0.1, eps=0.5, max_iter=5, tol=0.0).x,
        inputs="the same quadratic; 5 steps, lr 0.1, eps 0.5",
        mistakes=_mistakes(wrong),
    )


def check_converges_and_stops(submitted, reference):
    """reaches the minimiser A⁻¹b and reports the same number of steps"""
    A, b, grad = _quadratic()
    got = submitted(grad, [0.0, 0.0], learning_rate=0.05, max_iter=20000, tol=1e-6)
    ref = reference(grad, [0.0, 0.0], learning_rate=0.05, max_iter=20000, tol=1e-6)
    # Stopped at ||g|| < 1e-6 with A's smallest eigenvalue about 0.88: |x - x*| < 2e-6.
    expect_close(
        got.x,
        np.linalg.solve(A, b),
        rtol=0,
        atol=2e-6,
        what="the final x",
        inputs="the same quadratic from x0 = [0, 0]; tol 1e-6",
    )
    expect_equal(
        got.n_iter,
        ref.n_iter,
        what="n_iter",
        inputs="tol 1e-6",
        mistakes=[
            (ref.n_iter + 1, "test ||g|| < tol before stepping, and count only the steps taken")
        ],
    )
    expect_equal(bool(got.converged), True, what="converged", inputs="tol 1e-6")


def check_history(submitted, reference):
    """records fun(x) after every step when fun is given"""
    A, b, grad = _quadratic()
    fun = lambda x: 0.5 * x @ A @ x - b @ x  # noqa: E731
    got = submitted(grad, [2.0, 2.0], learning_rate=0.1, max_iter=5, tol=0.0, fun=fun).history
    ref = reference(grad, [2.0, 2.0], learning_rate=0.1, max_iter=5, tol=0.0, fun=fun).history
    expect_close(
        np.asarray(got, dtype=float),
        np.asarray(ref),
        what="history",
        inputs="5 steps with fun = ½xᵀAx − bᵀx",
    )
