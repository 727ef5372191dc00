r"""Learning-rate schedules, as closed forms of the step count :math:`t`.

* **Step decay**: :math:`\eta_t = \eta_0\,\gamma^{\lfloor t/s \rfloor}` (``StepLR``).
* **Cosine annealing** (Loshchilov & Hutter, arXiv:1608.03983, without restarts):
  :math:`\eta_t = \eta_{\min} + \tfrac12(\eta_0-\eta_{\min})(1+\cos(\pi t/T))`
  (``CosineAnnealingLR``).
* **Linear warm-up**: the factor grows linearly from ``start_factor`` to 1 over
  ``warmup_steps`` and then stays at 1 (``LinearLR``). Warm-up keeps Adam's first, badly
  estimated steps small; transformers rely on it.

Call ``scheduler.step()`` once per epoch (or per batch) *after* ``optimizer.step()``, as
in PyTorch; ``tests/nn/test_schedulers.py`` compares the sequence of learning rates with
``torch.optim.lr_scheduler``.
"""

from __future__ import annotations

import math

from ladder.nn.optim import Optimizer

__all__ = ["Scheduler", "StepLR", "CosineAnnealingLR", "LinearWarmup"]


class Scheduler:
    """Sets ``optimizer.lr`` to :meth:`lr_at` of the number of ``step()`` calls so far."""

    def __init__(self, optimizer: Optimizer) -> None:
        self.optimizer = optimizer
        self.base_lr = optimizer.initial_lr
        self.t = 0
        optimizer.lr = self.lr_at(0)

    def lr_at(self, t: int) -> float:
        raise NotImplementedError

    def step(self) -> float:
        self.t += 1
        self.optimizer.lr = self.lr_at(self.t)
        return self.optimizer.lr


class StepLR(Scheduler):
    """Multiply the rate by ``gamma`` every ``step_size`` steps."""

    def __init__(self, optimizer: Optimizer, step_size: int, gamma: float = 0.1) -> None:
        if step_size < 1:
            raise ValueError(f"step_size must be >= 1, got {step_size!r}.")
        self.step_size, self.gamma = step_size, gamma
        super().__init__(optimizer)

    def lr_at(self, t: int) -> float:
        return self.base_lr * self.gamma ** (t // self.step_size)


class CosineAnnealingLR(Scheduler):
    """Half a cosine from the base rate down to ``eta_min`` over ``T_max`` steps."""

    def __init__(self, optimizer: Optimizer, T_max: int, eta_min: float = 0.0) -> None:  # noqa: N803
        if T_max < 1:
            raise ValueError(f"T_max must be >= 1, got {T_max!r}.")
        self.T_max, self.eta_min = T_max, eta_min
        super().__init__(optimizer)

    def lr_at(self, t: int) -> float:
        cos = 1 + math.cos(math.pi * t / self.T_max)
        return self.eta_min + (self.base_lr - self.eta_min) * cos / 2


class LinearWarmup(Scheduler):
    """Linear ramp of the factor from ``start_factor`` to 1 over ``warmup_steps``
    (``torch.optim.lr_scheduler.LinearLR`` with ``end_factor=1``)."""

    def __init__(
        self, optimizer: Optimizer, warmup_steps: int, start_factor: float = 1.0 / 3
    ) -> None:
        if warmup_steps < 1 or not 0 < start_factor <= 1:
            raise ValueError(
                f"need warmup_steps >= 1 and 0 < start_factor <= 1, got {warmup_steps!r}, "
                f"{start_factor!r}."
            )
        self.warmup_steps, self.start_factor = warmup_steps, start_factor
        super().__init__(optimizer)

    def lr_at(self, t: int) -> float:
        frac = min(t, self.warmup_steps) / self.warmup_steps
        return self.base_lr * (self.start_factor + (1 - self.start_factor) * frac)
