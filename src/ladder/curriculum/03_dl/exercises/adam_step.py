"""Adam (Kingma & Ba 2014), step by step, exactly as ``torch.optim.Adam``.

``Optimizer.step()`` increments ``self.steps`` (t = 1, 2, ...) and then calls
``_update(p, g, state)`` for each parameter (change ``p.data`` in place; ``state`` persists
between steps). Write ``_update``:

    if weight_decay: g = g + weight_decay * p                (L2, added to the gradient)
    m = beta1 * m + (1 - beta1) * g                          state["exp_avg"], starts at 0
    v = beta2 * v + (1 - beta2) * g^2                        state["exp_avg_sq"], starts at 0
    p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)

(That is lr * m_hat / (sqrt(v_hat) + eps) with eps placed as PyTorch places it.)
"""

import math

import numpy as np

from ladder.nn.optim import Optimizer


class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0) -> None:
        super().__init__(params, lr)
        self.betas, self.eps, self.weight_decay = betas, eps, weight_decay

    def _update(self, p, g, state) -> None:
        # TODO
        raise NotImplementedError
