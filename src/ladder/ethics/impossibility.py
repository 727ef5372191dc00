"""Why fairness definitions conflict: two impossibility results, as arithmetic.

**Chouldechova (2017).** For a binary prediction in a group with prevalence
:math:`p = P(Y = 1)`, the confusion matrix ties four rates together:

.. math::  \\mathrm{FPR} = \\frac{p}{1 - p} \\cdot \\frac{1 - \\mathrm{PPV}}{\\mathrm{PPV}}
           \\cdot (1 - \\mathrm{FNR}).

So if two groups have different prevalence, a classifier with equal PPV (predictive
parity) and equal FNR in both *must* have different FPRs.

**Kleinberg, Mullainathan & Raghavan (2016).** A risk score :math:`s` is *calibrated*
within a group when :math:`P(Y = 1 \\mid s, A = a) = s`. *Balance* asks that the mean
score of the positives be the same in every group, and likewise for the negatives. For a
calibrated score, the mean score of the positives is :math:`E[s^2]/E[s]` and of the
negatives :math:`E[s(1-s)]/E[1-s]`, while the base rate is :math:`E[s]`. Unless the
groups have equal base rates or the score is perfect (every :math:`s \\in \\{0, 1\\}`),
calibration and both balance conditions cannot hold together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["chouldechova_fpr", "CalibratedGroup", "calibrated_group", "sample_calibrated"]


def chouldechova_fpr(prevalence: float, ppv: float, fnr: float) -> float:
    """The false positive rate forced by prevalence, PPV and FNR (Chouldechova's identity).

    >>> round(chouldechova_fpr(0.3, 0.7, 0.2), 4), round(chouldechova_fpr(0.6, 0.7, 0.2), 4)
    (0.1469, 0.5143)
    """
    if not 0 < prevalence < 1:
        raise ValueError(f"prevalence must be in (0, 1), got {prevalence!r}.")
    if not 0 < ppv <= 1:
        raise ValueError(f"ppv must be in (0, 1], got {ppv!r}.")
    if not 0 <= fnr <= 1:
        raise ValueError(f"fnr must be in [0, 1], got {fnr!r}.")
    return prevalence / (1 - prevalence) * (1 - ppv) / ppv * (1 - fnr)


@dataclass(frozen=True)
class CalibratedGroup:
    base_rate: float  # E[s] = P(Y = 1)
    mean_score_positives: float  # E[s | Y = 1] = E[s²] / E[s]
    mean_score_negatives: float  # E[s | Y = 0] = E[s(1 − s)] / E[1 − s]


def calibrated_group(scores: ArrayLike, probabilities: ArrayLike) -> CalibratedGroup:
    """Kleinberg's quantities for a group whose calibrated score takes ``scores[i]`` with
    probability ``probabilities[i]`` (exact expectations, no sampling)."""
    s = np.asarray(scores, dtype=np.float64)
    w = np.asarray(probabilities, dtype=np.float64)
    if s.shape != w.shape or s.ndim != 1 or s.size == 0:
        raise ValueError("scores and probabilities must be 1-D arrays of the same length.")
    if (s < 0).any() or (s > 1).any():
        raise ValueError("a calibrated score is a probability: keep every score in [0, 1].")
    if (w < 0).any() or abs(w.sum() - 1) > 1e-9:
        raise ValueError(f"probabilities must be non-negative and sum to 1, got sum {w.sum():g}.")
    base = float(w @ s)
    if not 0 < base < 1:
        raise ValueError("the group needs both positives and negatives (0 < E[s] < 1).")
    return CalibratedGroup(base, float(w @ s**2) / base, float(w @ (s * (1 - s))) / (1 - base))


def sample_calibrated(scores: ArrayLike, probabilities: ArrayLike, n: int, seed: int = 0):
    """``n`` people drawn from that group: scores, and outcomes ``Y ~ Bernoulli(score)``,
    so the score is calibrated by construction."""
    rng = np.random.default_rng(seed)
    s = rng.choice(np.asarray(scores, dtype=np.float64), size=n, p=probabilities)
    return s, (rng.random(n) < s).astype(np.int64)
