"""Membership inference by loss threshold (Yeom et al. 2018): did this example train it?

A model fits its training examples better than unseen ones, so a low loss hints
"member". The attacker scores each example by its negative loss and picks a threshold;
its power over all thresholds is the ROC AUC of members against non-members:

.. math::  \\mathrm{AUC} = P(\\ell_{\\text{non-member}} > \\ell_{\\text{member}})
           + \\tfrac12 P(\\ell_{\\text{non-member}} = \\ell_{\\text{member}}),

0.5 when the losses are indistinguishable (a private model), 1 when every member has a
lower loss than every non-member. The *advantage* :math:`\\max_t (\\mathrm{TPR} - \\mathrm{FPR})`
is bounded by :math:`e^\\varepsilon - 1 + \\delta` for an :math:`(\\varepsilon,\\delta)`-DP
training algorithm (Yeom et al., Theorem 1), which is why DP-SGD drives the AUC toward 0.5.
The AUC equals ``sklearn.metrics.roc_auc_score`` (``tests/ethics/test_membership.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.stats import rankdata

__all__ = ["MembershipResult", "loss_threshold_attack", "attack_auc", "dp_advantage_bound"]


def _losses(values: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array of per-example losses.")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} holds NaN or infinite losses; compute them in a stable way.")
    return arr


def attack_auc(member_losses: ArrayLike, nonmember_losses: ArrayLike) -> float:
    """AUC of the score −loss for members (positives) against non-members, by the
    Mann–Whitney rank sum (ties count one half)."""
    m = _losses(member_losses, "member_losses")
    o = _losses(nonmember_losses, "nonmember_losses")
    ranks = rankdata(np.concatenate([-m, -o]))  # average ranks for ties
    u = ranks[: len(m)].sum() - len(m) * (len(m) + 1) / 2
    return float(u / (len(m) * len(o)))


@dataclass(frozen=True)
class MembershipResult:
    auc: float
    advantage: float  # max over thresholds of TPR − FPR
    threshold: float  # the loss threshold that achieves it (member if loss ≤ threshold)
    member_mean_loss: float
    nonmember_mean_loss: float


def loss_threshold_attack(
    member_losses: ArrayLike, nonmember_losses: ArrayLike
) -> MembershipResult:
    """Run the attack on held-out member and non-member losses: AUC and best advantage."""
    m = _losses(member_losses, "member_losses")
    o = _losses(nonmember_losses, "nonmember_losses")
    cuts = np.unique(np.concatenate([m, o]))
    tpr = np.searchsorted(np.sort(m), cuts, side="right") / len(m)
    fpr = np.searchsorted(np.sort(o), cuts, side="right") / len(o)
    best = int(np.argmax(tpr - fpr))
    return MembershipResult(
        auc=attack_auc(m, o),
        advantage=float(max(0.0, tpr[best] - fpr[best])),
        threshold=float(cuts[best]),
        member_mean_loss=float(m.mean()),
        nonmember_mean_loss=float(o.mean()),
    )


def dp_advantage_bound(epsilon: float, delta: float = 0.0) -> float:
    """Yeom et al.'s bound on any attacker's advantage against (ε, δ)-DP training,
    :math:`\\min(1, e^\\varepsilon - 1 + \\delta)`."""
    if not epsilon >= 0:
        raise ValueError(f"epsilon must be ≥ 0, got {epsilon!r}.")
    if not 0 <= delta < 1:
        raise ValueError(f"delta must be in [0, 1), got {delta!r}.")
    return float(min(1.0, np.expm1(epsilon) + delta))
