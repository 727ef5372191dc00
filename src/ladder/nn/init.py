r"""Weight initialisation: keep the signal's variance steady through depth.

For a layer :math:`y = Wx` with ``fan_in`` inputs of unit variance, :math:`\operatorname{Var}(y)
= \text{fan\_in}\cdot\operatorname{Var}(W)`. To keep it at 1:

* **Xavier/Glorot** (tanh, sigmoid — Glorot & Bengio 2010) averages forward and backward:
  :math:`\operatorname{Var}(W) = \frac{2}{\text{fan\_in}+\text{fan\_out}}`; uniform on
  :math:`\pm\sqrt{6/(\text{fan\_in}+\text{fan\_out})}`.
* **He/Kaiming** (ReLU — He et al. 2015, arXiv:1502.01852): ReLU zeroes half the signal,
  so :math:`\operatorname{Var}(W) = \frac{2}{\text{fan\_in}}`; uniform on
  :math:`\pm\sqrt{6/\text{fan\_in}}`, normal with std :math:`\sqrt{2/\text{fan\_in}}`.

PyTorch's default for ``Linear`` and ``Conv2d`` is uniform on :math:`\pm 1/\sqrt{\text{fan\_in}}`
(:func:`lecun_uniform_torch_default`). For a conv weight ``(F, C, kh, kw)``,
``fan_in = C·kh·kw`` and ``fan_out = F·kh·kw``, as in ``torch.nn.init``.

Randomness comes from one module-level generator, reseeded by :func:`manual_seed`.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "manual_seed",
    "get_rng",
    "fans",
    "xavier_uniform",
    "xavier_normal",
    "kaiming_uniform",
    "kaiming_normal",
    "lecun_uniform_torch_default",
]

_RNG = [np.random.default_rng(0)]


def manual_seed(seed: int) -> None:
    """Reseed the generator every layer draws its initial weights from."""
    _RNG[0] = np.random.default_rng(seed)


def get_rng() -> np.random.Generator:
    return _RNG[0]


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """``(fan_in, fan_out)`` of a weight of ``shape`` ``(out, in, *kernel)``."""
    if len(shape) < 2:
        raise ValueError(f"fan in/out need a weight with at least 2 axes, got shape {shape}.")
    receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    return shape[1] * receptive, shape[0] * receptive


def _draw(shape, bound_or_std, kind, dtype) -> np.ndarray:
    rng = get_rng()
    if kind == "uniform":
        return rng.uniform(-bound_or_std, bound_or_std, size=shape).astype(dtype)
    return (rng.standard_normal(size=shape) * bound_or_std).astype(dtype)


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0, dtype=np.float32) -> np.ndarray:
    """``torch.nn.init.xavier_uniform_``: U(±gain·√(6/(fan_in+fan_out)))."""
    fan_in, fan_out = fans(shape)
    return _draw(shape, gain * math.sqrt(6.0 / (fan_in + fan_out)), "uniform", dtype)


def xavier_normal(shape: tuple[int, ...], gain: float = 1.0, dtype=np.float32) -> np.ndarray:
    """``torch.nn.init.xavier_normal_``: N(0, gain²·2/(fan_in+fan_out))."""
    fan_in, fan_out = fans(shape)
    return _draw(shape, gain * math.sqrt(2.0 / (fan_in + fan_out)), "normal", dtype)


def kaiming_uniform(shape: tuple[int, ...], dtype=np.float32) -> np.ndarray:
    """``torch.nn.init.kaiming_uniform_(nonlinearity="relu")``: U(±√(6/fan_in))."""
    return _draw(shape, math.sqrt(6.0 / fans(shape)[0]), "uniform", dtype)


def kaiming_normal(shape: tuple[int, ...], dtype=np.float32) -> np.ndarray:
    """``torch.nn.init.kaiming_normal_(nonlinearity="relu")``: N(0, 2/fan_in)."""
    return _draw(shape, math.sqrt(2.0 / fans(shape)[0]), "normal", dtype)


def lecun_uniform_torch_default(
    shape: tuple[int, ...], fan_in: int | None = None, dtype=np.float32
) -> np.ndarray:
    """U(±1/√fan_in): what ``nn.Linear``/``nn.Conv2d``/``nn.RNN`` start from in PyTorch."""
    fan_in = fans(shape)[0] if fan_in is None else fan_in
    return _draw(shape, 1.0 / math.sqrt(fan_in), "uniform", dtype)
