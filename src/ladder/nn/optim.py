r"""Optimisers: ``SGD`` (momentum, Nesterov, weight decay), ``RMSprop``, ``Adam``, ``AdamW``.

With gradient :math:`g_t` (plus :math:`\lambda\theta` when ``weight_decay`` is L2):

* **SGD + momentum**: :math:`b_t = \mu b_{t-1} + (1-\tau) g_t` (:math:`b_1 = g_1`);
  step :math:`\theta \mathrel{-}= \eta b_t`, or with **Nesterov**
  :math:`\theta \mathrel{-}= \eta (g_t + \mu b_t)`.
* **RMSprop** (Hinton's lecture 6e): :math:`v_t = \alpha v_{t-1} + (1-\alpha) g_t^2`,
  :math:`\theta \mathrel{-}= \eta\, g_t/(\sqrt{v_t} + \epsilon)`.
* **Adam** (Kingma & Ba, arXiv:1412.6980): :math:`m_t = \beta_1 m + (1-\beta_1) g`,
  :math:`v_t = \beta_2 v + (1-\beta_2) g^2`, bias-corrected
  :math:`\theta \mathrel{-}= \frac{\eta}{1-\beta_1^t} m_t / (\sqrt{v_t/(1-\beta_2^t)}+\epsilon)`.
* **AdamW** (Loshchilov & Hutter, arXiv:1711.05101): decoupled decay, first
  :math:`\theta \mathrel{*}= 1 - \eta\lambda`, then the Adam step on the raw gradient.

These are the exact update orders of ``torch.optim`` (same placement of ``eps``, same
bias correction), so the 20-step parameter trajectories in ``tests/nn/test_optim.py``
agree to float64 rounding. ``lr`` may be changed between steps (schedulers do).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from ladder.autograd.tensor import Tensor

__all__ = ["Optimizer", "SGD", "RMSprop", "Adam", "AdamW"]


class Optimizer:
    """Holds the parameters, the learning rate and per-parameter state."""

    def __init__(self, params: Iterable[Tensor], lr: float) -> None:
        self.params = list(params)
        if not self.params:
            raise ValueError("optimizer got an empty parameter list: pass model.parameters().")
        if lr < 0:
            raise ValueError(f"learning rate must be >= 0, got lr={lr!r}.")
        self.lr = lr
        self.initial_lr = lr
        self.state: list[dict[str, np.ndarray]] = [{} for _ in self.params]
        self.steps = 0

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def step(self) -> None:
        self.steps += 1
        for p, state in zip(self.params, self.state, strict=True):
            if p.grad is not None:
                self._update(p, p.grad, state)

    def _update(self, p: Tensor, g: np.ndarray, state: dict[str, np.ndarray]) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent (``torch.optim.SGD``)."""

    def __init__(
        self,
        params: Iterable[Tensor],
        lr: float = 1e-3,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        super().__init__(params, lr)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum needs momentum > 0 and dampening = 0.")
        self.momentum, self.dampening = momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov

    def _update(self, p, g, state):
        if self.weight_decay:
            g = g + self.weight_decay * p.data
        if self.momentum:
            if "momentum_buffer" not in state:
                buf = state["momentum_buffer"] = g.copy()
            else:
                buf = state["momentum_buffer"]
                buf *= self.momentum
                buf += (1 - self.dampening) * g
            g = g + self.momentum * buf if self.nesterov else buf
        p.data -= self.lr * g


class RMSprop(Optimizer):
    """Divide by a running RMS of the gradient (``torch.optim.RMSprop``)."""

    def __init__(
        self,
        params: Iterable[Tensor],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
    ) -> None:
        super().__init__(params, lr)
        self.alpha, self.eps, self.weight_decay = alpha, eps, weight_decay
        self.momentum, self.centered = momentum, centered

    def _update(self, p, g, state):
        if self.weight_decay:
            g = g + self.weight_decay * p.data
        sq = state.setdefault("square_avg", np.zeros_like(p.data))
        sq *= self.alpha
        sq += (1 - self.alpha) * g * g
        if self.centered:
            mean = state.setdefault("grad_avg", np.zeros_like(p.data))
            mean *= self.alpha
            mean += (1 - self.alpha) * g
            avg = np.sqrt(sq - mean * mean) + self.eps
        else:
            avg = np.sqrt(sq) + self.eps
        if self.momentum > 0:
            buf = state.setdefault("momentum_buffer", np.zeros_like(p.data))
            buf *= self.momentum
            buf += g / avg
            p.data -= self.lr * buf
        else:
            p.data -= self.lr * g / avg


class Adam(Optimizer):
    """Adaptive moment estimation (``torch.optim.Adam``), with optional AMSGrad."""

    def __init__(
        self,
        params: Iterable[Tensor],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        amsgrad: bool = False,
    ) -> None:
        super().__init__(params, lr)
        self.betas, self.eps, self.weight_decay, self.amsgrad = betas, eps, weight_decay, amsgrad

    def _decay(self, p, g):
        return g + self.weight_decay * p.data if self.weight_decay else g

    def _update(self, p, g, state):
        g = self._decay(p, g)
        b1, b2 = self.betas
        m = state.setdefault("exp_avg", np.zeros_like(p.data))
        v = state.setdefault("exp_avg_sq", np.zeros_like(p.data))
        m *= b1
        m += (1 - b1) * g
        v *= b2
        v += (1 - b2) * g * g
        t = self.steps
        bias1, bias2 = 1 - b1**t, 1 - b2**t
        if self.amsgrad:
            vmax = state.setdefault("max_exp_avg_sq", np.zeros_like(p.data))
            np.maximum(vmax, v, out=vmax)
            v = vmax
        denom = np.sqrt(v) / math.sqrt(bias2) + self.eps
        p.data -= (self.lr / bias1) * (m / denom)


class AdamW(Adam):
    """Adam with decoupled weight decay (``torch.optim.AdamW``; default decay 0.01)."""

    def __init__(
        self,
        params: Iterable[Tensor],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
    ) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)

    def _decay(self, p, g):
        p.data *= 1 - self.lr * self.weight_decay  # shrink the weights, not the gradient
        return g
