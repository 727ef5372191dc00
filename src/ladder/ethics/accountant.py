"""Privacy accounting for DP-SGD with Rényi differential privacy (Mironov 2017).

A mechanism :math:`M` is :math:`(\\alpha, \\rho)`-RDP when the Rényi divergence of order
:math:`\\alpha` between its outputs on any two neighbouring data sets is at most
:math:`\\rho`. Three facts make the accounting simple:

* the **Gaussian mechanism** with noise :math:`\\sigma` times the sensitivity is
  :math:`(\\alpha, \\alpha / 2\\sigma^2)`-RDP for every :math:`\\alpha > 1`;
* **subsampling** each example with probability :math:`q` (Poisson sampling, as DP-SGD
  draws its batches) shrinks it; for integer :math:`\\alpha` (Mironov, Talwar & Zhang 2019)

  .. math::  \\rho(\\alpha) = \\frac{1}{\\alpha - 1} \\log \\sum_{k=0}^{\\alpha}
             \\binom{\\alpha}{k} (1-q)^{\\alpha-k} q^k \\exp\\Big(\\frac{k^2 - k}{2\\sigma^2}\\Big),

  and a converging two-sided series for fractional :math:`\\alpha`;
* **composition** adds: :math:`T` steps cost :math:`T \\rho(\\alpha)`.

The conversion to :math:`(\\varepsilon, \\delta)`-DP takes the best order
(Balle et al. 2020, Theorem 21):

.. math::  \\varepsilon = \\min_\\alpha\\; T\\rho(\\alpha) + \\log\\frac{\\alpha - 1}{\\alpha}
           - \\frac{\\log \\delta + \\log \\alpha}{\\alpha - 1}.

:class:`RDPAccountant` gives the same :math:`\\varepsilon` as Opacus' ``RDPAccountant`` for
the same noise, sampling rate, steps, :math:`\\delta` and orders
(``tests/ethics/test_accountant.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import special

__all__ = [
    "DEFAULT_ORDERS",
    "gaussian_rdp",
    "sampled_gaussian_rdp",
    "rdp_to_epsilon",
    "RDPAccountant",
    "noise_multiplier_for_epsilon",
]

# Orders 1.1, 1.2, …, 10.9 and 12, …, 63 (Opacus' default alphas).
DEFAULT_ORDERS: tuple[float, ...] = tuple(
    [1 + x / 10.0 for x in range(1, 100)] + list(range(12, 64))
)


def _check_sigma(noise_multiplier: float) -> None:
    if not noise_multiplier > 0:
        raise ValueError(
            f"noise_multiplier must be positive (noise std over clipping norm), got "
            f"{noise_multiplier!r}; without noise there is no privacy guarantee."
        )


def _check_q(q: float) -> None:
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"sample_rate must be a probability in [0, 1], got {q!r}.")


def _check_delta(delta: float) -> None:
    if not 0.0 < delta < 1.0:
        raise ValueError(
            f"delta must be in (0, 1), got {delta!r}; take it well below 1/n (e.g. 1e-5)."
        )


def gaussian_rdp(alpha: float, noise_multiplier: float) -> float:
    """RDP of one Gaussian mechanism at order ``alpha``: :math:`\\alpha / (2\\sigma^2)`."""
    _check_sigma(noise_multiplier)
    if not alpha > 1:
        raise ValueError(f"the Rényi order alpha must be > 1, got {alpha!r}.")
    return alpha / (2.0 * noise_multiplier**2)


def _logaddexp(a: float, b: float) -> float:
    lo, hi = min(a, b), max(a, b)
    return hi if lo == -math.inf else hi + math.log1p(math.exp(lo - hi))


def _logsubexp(a: float, b: float) -> float:
    """log(e^a − e^b) for a ≥ b."""
    if b == -math.inf:
        return a
    if a == b:
        return -math.inf
    try:
        return b + math.log(math.expm1(a - b))
    except OverflowError:
        return a


def _log_a_int(q: float, sigma: float, alpha: int) -> float:
    log_a = -math.inf
    for k in range(alpha + 1):
        term = (
            math.log(special.binom(alpha, k))
            + k * math.log(q)
            + (alpha - k) * math.log(1 - q)
            + (k * k - k) / (2 * sigma**2)
        )
        log_a = _logaddexp(log_a, term)
    return log_a


def _log_erfc(x: float) -> float:
    return math.log(2) + float(special.log_ndtr(-x * math.sqrt(2)))


def _log_a_frac(q: float, sigma: float, alpha: float) -> float:
    """The two tails of the series split at z0 (Mironov, Talwar & Zhang 2019, §3.3)."""
    log_a0, log_a1 = -math.inf, -math.inf
    z0 = sigma**2 * math.log(1 / q - 1) + 0.5
    k = 0
    while True:
        coef = special.binom(alpha, k)
        log_coef = math.log(abs(coef))
        j = alpha - k
        log_t0 = log_coef + k * math.log(q) + j * math.log(1 - q)
        log_t1 = log_coef + j * math.log(q) + k * math.log(1 - q)
        log_e0 = math.log(0.5) + _log_erfc((k - z0) / (math.sqrt(2) * sigma))
        log_e1 = math.log(0.5) + _log_erfc((z0 - j) / (math.sqrt(2) * sigma))
        log_s0 = log_t0 + (k * k - k) / (2 * sigma**2) + log_e0
        log_s1 = log_t1 + (j * j - j) / (2 * sigma**2) + log_e1
        if coef > 0:
            log_a0, log_a1 = _logaddexp(log_a0, log_s0), _logaddexp(log_a1, log_s1)
        else:
            log_a0, log_a1 = _logsubexp(log_a0, log_s0), _logsubexp(log_a1, log_s1)
        k += 1
        if max(log_s0, log_s1) < -30:  # the terms are below e^-30 of the sum: converged
            break
    return _logaddexp(log_a0, log_a1)


def sampled_gaussian_rdp(
    sample_rate: float, noise_multiplier: float, steps: int, orders: Sequence[float]
) -> np.ndarray:
    """RDP of ``steps`` rounds of the sampled Gaussian mechanism at each order."""
    _check_q(sample_rate)
    _check_sigma(noise_multiplier)
    if not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a non-negative integer, got {steps!r}.")
    q, sigma = sample_rate, noise_multiplier
    out = []
    for alpha in orders:
        if not alpha > 1:
            raise ValueError(f"every Rényi order must be > 1, got {alpha!r}.")
        if q == 0:
            rdp = 0.0
        elif q == 1.0:
            rdp = alpha / (2 * sigma**2)
        elif math.isinf(alpha):
            rdp = math.inf
        elif float(alpha).is_integer():
            rdp = _log_a_int(q, sigma, int(alpha)) / (alpha - 1)
        else:
            rdp = _log_a_frac(q, sigma, alpha) / (alpha - 1)
        out.append(rdp * steps)
    return np.array(out)


def rdp_to_epsilon(
    rdp: Sequence[float], orders: Sequence[float], delta: float
) -> tuple[float, float]:
    """The smallest :math:`\\varepsilon` over the orders, and the order that gives it."""
    _check_delta(delta)
    a, r = np.asarray(orders, dtype=np.float64), np.asarray(rdp, dtype=np.float64)
    if a.shape != r.shape:
        raise ValueError(f"rdp has {r.size} values for {a.size} orders; pass one per order.")
    eps = r - (math.log(delta) + np.log(a)) / (a - 1) + np.log((a - 1) / a)
    if np.isnan(eps).all():
        return math.inf, math.nan
    best = int(np.nanargmin(eps))
    return float(eps[best]), float(a[best])


class RDPAccountant:
    """Adds up the RDP of every DP-SGD step; ``epsilon(delta)`` reads off the guarantee.

    >>> acc = RDPAccountant()
    >>> acc.step(noise_multiplier=1.1, sample_rate=256 / 60_000, steps=60_000 // 256 * 60)
    >>> round(acc.epsilon(1e-5), 2)  # 60 epochs of MNIST at batch 256 (Abadi et al.'s setting)
    2.59
    """

    def __init__(self, orders: Sequence[float] = DEFAULT_ORDERS) -> None:
        self.orders = tuple(orders)
        self.history: list[tuple[float, float, int]] = []  # (noise, sample rate, steps)

    def step(self, *, noise_multiplier: float, sample_rate: float, steps: int = 1) -> None:
        _check_sigma(noise_multiplier)
        _check_q(sample_rate)
        if self.history and self.history[-1][:2] == (noise_multiplier, sample_rate):
            sigma, q, n = self.history.pop()
            steps += n
        self.history.append((noise_multiplier, sample_rate, steps))

    def rdp(self) -> np.ndarray:
        total = np.zeros(len(self.orders))
        for sigma, q, n in self.history:
            total += sampled_gaussian_rdp(q, sigma, n, self.orders)
        return total

    def epsilon(self, delta: float) -> float:
        _check_delta(delta)
        if not self.history:
            return 0.0
        return rdp_to_epsilon(self.rdp(), self.orders, delta)[0]


def noise_multiplier_for_epsilon(
    epsilon: float,
    delta: float,
    sample_rate: float,
    steps: int,
    orders: Sequence[float] = DEFAULT_ORDERS,
    tolerance: float = 0.01,
) -> float:
    """The smallest noise multiplier (to ``tolerance`` in ε) whose ε is at most ``epsilon``."""
    if not epsilon > 0:
        raise ValueError(f"epsilon must be positive, got {epsilon!r}.")
    _check_delta(delta)

    def eps_of(sigma: float) -> float:
        return rdp_to_epsilon(
            sampled_gaussian_rdp(sample_rate, sigma, steps, orders), orders, delta
        )[0]

    lo, hi = 0.0, 10.0
    while eps_of(hi) > epsilon:
        hi *= 2
        if hi > 1e4:
            raise ValueError(f"no noise multiplier up to 1e4 reaches epsilon={epsilon}.")
    while eps_of(hi) < epsilon - tolerance:
        mid = (lo + hi) / 2
        if mid == 0 or eps_of(mid) > epsilon:
            lo = mid
        else:
            hi = mid
    return hi
