# mutant: records fun(x) before each step instead of after
import numpy as np

from ladder.ml.optim import OptimizeResult


def adam(
    grad,
    x0,
    learning_rate=0.01,
    beta1=0.9,
    beta2=0.999,
    eps=1e-8,
    max_iter=1000,
    tol=1e-8,
    fun=None,
) -> OptimizeResult:
    x = np.array(x0, dtype=float)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    history = []
    for t in range(1, max_iter + 1):
        g = grad(x)
        if np.linalg.norm(g) < tol:
            return OptimizeResult(x, t - 1, True, history)
        if fun is not None:
            history.append(fun(x))
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        x = x - learning_rate * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    return OptimizeResult(x, max_iter, bool(np.linalg.norm(grad(x)) < tol), history)
