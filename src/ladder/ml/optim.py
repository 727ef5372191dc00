r"""Optimisers, from the plainest to quasi-Newton, on a function you pass in.

Every first-order method repeats :math:`w \leftarrow w - \eta\, d_t` with a different
direction :math:`d_t`:

* **gradient descent** — :math:`d_t = \nabla f(w_t)`; on minibatches of the data it is
  batch GD (one batch = all samples), **SGD** (batch size 1) or **mini-batch GD**;
* **momentum** — :math:`v_t = \beta v_{t-1} + \nabla f(w_t)`, :math:`d_t = v_t`;
* **Adam** — bias-corrected running means of :math:`g` and :math:`g^2`:
  :math:`d_t = \hat m_t / (\sqrt{\hat v_t} + \epsilon)` (Kingma & Ba, 2015).

Second-order and conjugate methods choose the step with curvature:

* **Newton** — solve :math:`\nabla^2 f(w)\, s = \nabla f(w)`, step :math:`w - s`;
* **nonlinear conjugate gradient** (Polak–Ribière+) — :math:`d_t = -g_t + \beta_t d_{t-1}`,
  :math:`\beta_t = \max(0, g_t^\top(g_t - g_{t-1}) / \|g_{t-1}\|^2)`;
* **BFGS** — keeps an inverse-Hessian estimate :math:`H`, updated from
  :math:`s = w_{t+1} - w_t`, :math:`y = g_{t+1} - g_t`:
  :math:`H \leftarrow (I - \rho s y^\top) H (I - \rho y s^\top) + \rho s s^\top`,
  :math:`\rho = 1/(y^\top s)`.

CG and BFGS choose each step length by a line search meeting the strong Wolfe
conditions (enough decrease, flattened slope), as SciPy's versions do.
``tests/ml/test_optim.py`` checks that each reaches the least-squares closed form, and
that CG and BFGS reach the point ``scipy.optimize.minimize(method="CG" / "BFGS")`` finds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import check_param, check_random_state

__all__ = [
    "OptimizeResult",
    "gradient_descent",
    "minibatch_gradient_descent",
    "momentum",
    "adam",
    "newton",
    "conjugate_gradient",
    "bfgs",
    "least_squares_objective",
]

Grad = Callable[[np.ndarray], np.ndarray]
Fun = Callable[[np.ndarray], float]


@dataclass
class OptimizeResult:
    """Where an optimiser stopped and how it got there."""

    x: np.ndarray  # the final point
    n_iter: int  # iterations (or epochs) run
    converged: bool  # gradient norm fell below tol
    history: list[float] = field(default_factory=list)  # f(x) after each iteration, if f given


def least_squares_objective(X: ArrayLike, y: ArrayLike) -> tuple[Fun, Grad, Callable]:
    r""":math:`f(w) = \frac1n\|Xw - y\|^2`, its gradient :math:`\frac2n X^\top(Xw - y)` and
    Hessian :math:`\frac2n X^\top X` — the test problem whose minimiser is known."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    return (
        lambda w: float(np.mean((X @ w - y) ** 2)),
        lambda w: (2.0 / n) * X.T @ (X @ w - y),
        lambda w: (2.0 / n) * X.T @ X,
    )


def _start(x0: ArrayLike, learning_rate: float, max_iter: int) -> np.ndarray:
    check_param("learning_rate", learning_rate, low=0.0, low_inclusive=False)
    check_param("max_iter", max_iter, kind=int, low=1)
    return np.array(x0, dtype=np.float64)


def _first_order(
    grad: Grad,
    x0: ArrayLike,
    direction: Callable[[np.ndarray, int], np.ndarray],
    learning_rate: float,
    max_iter: int,
    tol: float,
    fun: Fun | None,
) -> OptimizeResult:
    x = _start(x0, learning_rate, max_iter)
    history: list[float] = []
    for t in range(1, max_iter + 1):
        g = grad(x)
        if np.linalg.norm(g) < tol:
            return OptimizeResult(x, t - 1, True, history)
        x = x - learning_rate * direction(g, t)
        if fun is not None:
            history.append(fun(x))
    return OptimizeResult(x, max_iter, bool(np.linalg.norm(grad(x)) < tol), history)


def gradient_descent(
    grad: Grad,
    x0: ArrayLike,
    learning_rate: float = 0.1,
    max_iter: int = 1000,
    tol: float = 1e-8,
    fun: Fun | None = None,
) -> OptimizeResult:
    """Plain (batch) gradient descent :math:`x \\leftarrow x - \\eta\\nabla f(x)`."""
    return _first_order(grad, x0, lambda g, t: g, learning_rate, max_iter, tol, fun)


def momentum(
    grad: Grad,
    x0: ArrayLike,
    learning_rate: float = 0.1,
    beta: float = 0.9,
    max_iter: int = 1000,
    tol: float = 1e-8,
    fun: Fun | None = None,
) -> OptimizeResult:
    """Heavy-ball momentum (PyTorch's SGD convention :math:`v = \\beta v + g`)."""
    check_param("beta", beta, low=0.0, high=1.0)
    v = np.zeros_like(np.asarray(x0, dtype=np.float64))

    def direction(g: np.ndarray, t: int) -> np.ndarray:
        nonlocal v
        v = beta * v + g
        return v

    return _first_order(grad, x0, direction, learning_rate, max_iter, tol, fun)


def adam(
    grad: Grad,
    x0: ArrayLike,
    learning_rate: float = 0.01,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    max_iter: int = 1000,
    tol: float = 1e-8,
    fun: Fun | None = None,
) -> OptimizeResult:
    """Adam: :math:`m = \\beta_1 m + (1-\\beta_1) g`, :math:`v = \\beta_2 v + (1-\\beta_2)g^2`,
    step :math:`\\eta\\,\\hat m/(\\sqrt{\\hat v}+\\epsilon)` with
    :math:`\\hat m = m/(1-\\beta_1^t)`, :math:`\\hat v = v/(1-\\beta_2^t)`."""
    check_param("beta1", beta1, low=0.0, high=1.0)
    check_param("beta2", beta2, low=0.0, high=1.0)
    m = np.zeros_like(np.asarray(x0, dtype=np.float64))
    v = np.zeros_like(m)

    def direction(g: np.ndarray, t: int) -> np.ndarray:
        nonlocal m, v
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        return (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)

    return _first_order(grad, x0, direction, learning_rate, max_iter, tol, fun)


def minibatch_gradient_descent(
    batch_grad: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray],
    X: ArrayLike,
    y: ArrayLike,
    x0: ArrayLike,
    batch_size: int = 32,
    learning_rate: float = 0.01,
    n_epochs: int = 100,
    random_state: int | None = None,
    fun: Fun | None = None,
    decay: float = 0.0,
) -> OptimizeResult:
    """Shuffle the samples each epoch and step once per batch of ``batch_size``.

    ``batch_grad(w, X_batch, y_batch)`` is the gradient of the mean loss over the batch.
    ``batch_size=len(X)`` is batch GD, ``1`` is SGD. A step size
    :math:`\\eta_t = \\eta / (1 + \\text{decay}\\cdot\\text{epoch})` lets SGD settle.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    check_param("batch_size", batch_size, kind=int, low=1)
    check_param("n_epochs", n_epochs, kind=int, low=1)
    w = _start(x0, learning_rate, n_epochs)
    rng = check_random_state(random_state)
    history: list[float] = []
    for epoch in range(n_epochs):
        lr = learning_rate / (1.0 + decay * epoch)
        order = rng.permutation(X.shape[0])
        for start in range(0, X.shape[0], batch_size):
            idx = order[start : start + batch_size]
            w = w - lr * batch_grad(w, X[idx], y[idx])
        if fun is not None:
            history.append(fun(w))
    return OptimizeResult(w, n_epochs, True, history)


def newton(
    grad: Grad,
    hess: Callable[[np.ndarray], np.ndarray],
    x0: ArrayLike,
    max_iter: int = 50,
    tol: float = 1e-10,
    fun: Fun | None = None,
) -> OptimizeResult:
    """Pure Newton steps :math:`x \\leftarrow x - [\\nabla^2 f]^{-1}\\nabla f` (one step
    for a quadratic)."""
    x = _start(x0, 1.0, max_iter)
    history: list[float] = []
    for t in range(max_iter):
        g = grad(x)
        if np.linalg.norm(g) < tol:
            return OptimizeResult(x, t, True, history)
        x = x - np.linalg.solve(hess(x), g)
        if fun is not None:
            history.append(fun(x))
    return OptimizeResult(x, max_iter, bool(np.linalg.norm(grad(x)) < tol), history)


def _wolfe_step(
    fun: Fun,
    grad: Grad,
    x: np.ndarray,
    f: float,
    g: np.ndarray,
    d: np.ndarray,
    t0: float = 1.0,
    c1: float = 1e-4,
    c2: float = 0.9,
    max_iter: int = 60,
) -> float:
    r"""A step ``t`` meeting the strong Wolfe conditions (Nocedal & Wright, alg. 3.5–3.6):

    :math:`f(x + td) \le f(x) + c_1 t\,g^\top d` (enough decrease) and
    :math:`|\nabla f(x + td)^\top d| \le c_2 |g^\top d|` (slope flattened enough).
    Brackets the step by doubling, then narrows it by bisection.
    """
    slope0 = float(g @ d)
    lo, hi, t = 0.0, np.inf, t0
    for _ in range(max_iter):
        if fun(x + t * d) > f + c1 * t * slope0:
            hi = t  # too long: not enough decrease
        else:
            slope = float(grad(x + t * d) @ d)
            if abs(slope) <= -c2 * slope0:
                return t
            if slope > 0:
                hi = t  # went past the minimum along d
            else:
                lo = t  # still going down: a longer step is allowed
        t = 2.0 * t if np.isinf(hi) else 0.5 * (lo + hi)
    return t


def conjugate_gradient(
    fun: Fun, grad: Grad, x0: ArrayLike, max_iter: int = 2000, tol: float = 1e-8
) -> OptimizeResult:
    """Nonlinear conjugate gradient, Polak–Ribière+ with restarts to steepest descent."""
    x = _start(x0, 1.0, max_iter)
    g = grad(x)
    d = -g
    f = fun(x)
    history = [f]
    step, prev_slope = 1.0, 1.0
    for t in range(max_iter):
        if np.linalg.norm(g) < tol:
            return OptimizeResult(x, t, True, history)
        if g @ d >= 0:  # not a descent direction: restart
            d = -g
        # First guess: the step that made the same first-order change last time.
        t0 = 1.0 if t == 0 else min(1.0, step * prev_slope / float(g @ d))
        step = _wolfe_step(fun, grad, x, f, g, d, t0=t0, c2=0.1)
        prev_slope = float(g @ d)
        x = x + step * d
        g_new = grad(x)
        beta = max(0.0, float(g_new @ (g_new - g)) / float(g @ g))
        d = -g_new + beta * d
        g = g_new
        f = fun(x)
        history.append(f)
    return OptimizeResult(x, max_iter, bool(np.linalg.norm(g) < tol), history)


def bfgs(
    fun: Fun, grad: Grad, x0: ArrayLike, max_iter: int = 500, tol: float = 1e-8
) -> OptimizeResult:
    """BFGS with an inverse-Hessian estimate started at the identity."""
    x = _start(x0, 1.0, max_iter)
    n = x.size
    H = np.eye(n)
    g = grad(x)
    f = fun(x)
    history = [f]
    for t in range(max_iter):
        if np.linalg.norm(g) < tol:
            return OptimizeResult(x, t, True, history)
        d = -H @ g
        step = _wolfe_step(fun, grad, x, f, g, d)
        s = step * d
        x = x + s
        g_new = grad(x)
        yv = g_new - g
        sy = float(s @ yv)
        if sy > 1e-12:  # curvature condition; otherwise skip the update
            rho = 1.0 / sy
            V = np.eye(n) - rho * np.outer(s, yv)
            H = V @ H @ V.T + rho * np.outer(s, s)
        g = g_new
        f = fun(x)
        history.append(f)
    return OptimizeResult(x, max_iter, bool(np.linalg.norm(g) < tol), history)
