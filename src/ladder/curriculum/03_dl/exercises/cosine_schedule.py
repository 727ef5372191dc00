"""Cosine annealing of the learning rate (Loshchilov & Hutter, SGDR, without restarts).

``Scheduler`` (from ``ladder.nn.schedulers``) sets ``optimizer.lr = self.lr_at(t)`` after
each ``step()``, with ``self.base_lr`` the optimiser's initial rate. Write ``lr_at``:

    lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * t / T_max)) / 2

(t = 0 gives base_lr, t = T_max gives eta_min). The matching library scheduler is
``torch.optim.lr_scheduler.CosineAnnealingLR``.
"""

import math

from ladder.nn.schedulers import Scheduler


class CosineAnnealingLR(Scheduler):
    def __init__(self, optimizer, T_max: int, eta_min: float = 0.0) -> None:  # noqa: N803
        self.T_max, self.eta_min = T_max, eta_min
        super().__init__(optimizer)

    def lr_at(self, t: int) -> float:
        # TODO
        raise NotImplementedError
