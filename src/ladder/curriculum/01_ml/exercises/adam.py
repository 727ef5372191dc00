"""Adam (Kingma & Ba, 2014) on a function given by its gradient.

For t = 1, 2, ..., max_iter:
    g = grad(x);  stop (converged) if ||g|| < tol
    m = beta1 * m + (1 - beta1) * g            running mean of gradients
    v = beta2 * v + (1 - beta2) * g**2         running mean of squared gradients
    m_hat = m / (1 - beta1**t)                 bias corrections (m and v start at 0)
    v_hat = v / (1 - beta2**t)
    x = x - learning_rate * m_hat / (sqrt(v_hat) + eps)
    if fun is given, append fun(x) to the history

Return ``OptimizeResult(x, n_iter, converged, history)``, where ``n_iter`` is the number
of steps taken (t - 1 if it stopped at step t). The matching library optimiser is
``torch.optim.Adam``.
"""

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
    # TODO: the loop above; return OptimizeResult(x, n_iter, converged, history).
    raise NotImplementedError
