"""The loss-threshold attack's AUC against scikit-learn's roc_auc_score (both exact rank
statistics on the same scores: equal to 1e-12)."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.ethics.membership import attack_auc, dp_advantage_bound, loss_threshold_attack

metrics = pytest.importorskip("sklearn.metrics", reason="could not import scikit-learn")


@pytest.mark.parametrize("seed", [0, 1])
def test_auc_equals_roc_auc_score_with_ties(seed):
    rng = np.random.default_rng(seed)
    members = np.round(rng.exponential(0.5, 300), 2)  # rounding makes ties
    others = np.round(rng.exponential(0.8, 200), 2)
    y = np.r_[np.ones(300), np.zeros(200)]
    expected = metrics.roc_auc_score(y, -np.r_[members, others])
    assert attack_auc(members, others) == pytest.approx(expected, abs=1e-12)
    res = loss_threshold_attack(members, others)
    fpr, tpr, _ = metrics.roc_curve(y, -np.r_[members, others])
    assert res.advantage == pytest.approx(np.max(tpr - fpr), abs=1e-12)
    assert res.member_mean_loss < res.nonmember_mean_loss


def test_extremes():
    assert attack_auc([0.1, 0.2], [0.5, 0.9]) == 1.0
    assert attack_auc([0.5, 0.5], [0.5, 0.5]) == 0.5
    assert loss_threshold_attack([0.1, 0.2], [0.5, 0.9]).advantage == 1.0
    assert dp_advantage_bound(0.5) == pytest.approx(np.e**0.5 - 1)
    assert dp_advantage_bound(5.0) == 1.0


def test_bad_input():
    with pytest.raises(ValueError, match="member_losses must be a non-empty 1-D array"):
        attack_auc([], [0.1])
    with pytest.raises(ValueError, match="nonmember_losses holds NaN"):
        attack_auc([0.1], [np.nan])
    with pytest.raises(ValueError, match="epsilon must be ≥ 0"):
        dp_advantage_bound(-1.0)
    with pytest.raises(ValueError, match=r"delta must be in \[0, 1\)"):
        dp_advantage_bound(1.0, 1.0)
