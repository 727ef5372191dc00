"""The Gaussian mechanism: the noise that makes one numeric release differentially private.

A query :math:`f` has L2 *sensitivity* :math:`\\Delta` when changing one person's data moves
its value by at most :math:`\\Delta` in Euclidean norm. Releasing :math:`f(D) + N(0,
\\sigma^2 I)` is :math:`(\\varepsilon, \\delta)`-differentially private when :math:`\\sigma`
is large enough; the classic bound below holds for :math:`0 < \\varepsilon < 1`. DP-SGD
(:mod:`ladder.ethics.dpsgd`) applies this mechanism at every step to the clipped gradient
sum, whose sensitivity is the clipping norm, and accounts for the steps with RDP
(:mod:`ladder.ethics.accountant`) rather than with this bound. No torch here.
"""

from __future__ import annotations

import math

__all__ = ["gaussian_mechanism_sigma"]


def gaussian_mechanism_sigma(sensitivity: float, epsilon: float, delta: float) -> float:
    """Noise std of the classic Gaussian mechanism (Dwork & Roth 2014, Theorem A.1):
    :math:`\\sigma = \\Delta \\sqrt{2 \\ln(1.25/\\delta)} / \\varepsilon`, which makes a
    query of L2-sensitivity :math:`\\Delta` :math:`(\\varepsilon, \\delta)`-DP for
    :math:`0 < \\varepsilon < 1`.

    >>> round(gaussian_mechanism_sigma(1.0, 0.5, 1e-5), 3)
    9.69
    """
    if not sensitivity > 0:
        raise ValueError(f"sensitivity must be positive, got {sensitivity!r}.")
    if not 0 < epsilon < 1:
        raise ValueError(
            f"epsilon must be in (0, 1) for this bound, got {epsilon!r}; for larger epsilon use "
            "the RDP accountant."
        )
    if not 0 < delta < 1:
        raise ValueError(f"delta must be in (0, 1), got {delta!r}.")
    return sensitivity * math.sqrt(2 * math.log(1.25 / delta)) / epsilon
