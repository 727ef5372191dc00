"""Group fairness metrics against fairlearn.metrics on the same predictions and groups.

Every metric is a ratio of integer counts computed the same way on both sides, so the
values agree to float64 rounding (1e-12 absolute is a wide margin for rates in [0, 1]).
"""

from __future__ import annotations

import numpy as np
import pytest

fm = pytest.importorskip("fairlearn.metrics", reason="could not import fairlearn")

from ladder.ethics import metrics as ours  # noqa: E402

TOL = 1e-12


def data(seed=0, n=900, groups=("f", "m", "x")):
    rng = np.random.default_rng(seed)
    g = rng.choice(
        groups, size=n, p=np.linspace(1, 2, len(groups)) / np.linspace(1, 2, len(groups)).sum()
    )
    y = (rng.random(n) < np.where(g == groups[0], 0.3, 0.55)).astype(int)
    score = np.clip(0.35 * y + rng.normal(0.3, 0.2, n) + 0.1 * (g == groups[-1]), 0, 1)
    return y, (score > 0.45).astype(int), g, score


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("method", ["between_groups", "to_overall"])
def test_disparities_equal_fairlearn(seed, method):
    y, p, g, _ = data(seed)
    pairs = [
        (ours.demographic_parity_difference, fm.demographic_parity_difference),
        (ours.demographic_parity_ratio, fm.demographic_parity_ratio),
        (ours.equalized_odds_difference, fm.equalized_odds_difference),
        (ours.equalized_odds_ratio, fm.equalized_odds_ratio),
        (ours.equal_opportunity_difference, fm.equal_opportunity_difference),
        (ours.equal_opportunity_ratio, fm.equal_opportunity_ratio),
    ]
    for mine, theirs in pairs:
        a = mine(y, p, sensitive_features=g, method=method)
        b = theirs(y, p, sensitive_features=g, method=method)
        assert a == pytest.approx(b, abs=TOL), mine.__name__


def test_metric_frame_equals_fairlearn():
    y, p, g, _ = data(3)
    metrics = {
        "selection_rate": ours.selection_rate,
        "tpr": ours.true_positive_rate,
        "fpr": ours.false_positive_rate,
        "fnr": ours.false_negative_rate,
        "tnr": ours.true_negative_rate,
    }
    theirs_metrics = {
        "selection_rate": fm.selection_rate,
        "tpr": fm.true_positive_rate,
        "fpr": fm.false_positive_rate,
        "fnr": fm.false_negative_rate,
        "tnr": fm.true_negative_rate,
    }
    mf = ours.MetricFrame(metrics=metrics, y_true=y, y_pred=p, sensitive_features=g)
    ref = fm.MetricFrame(metrics=theirs_metrics, y_true=y, y_pred=p, sensitive_features=g)
    assert mf.groups == list(ref.by_group.index)
    for name in metrics:
        assert mf.overall[name] == pytest.approx(ref.overall[name], abs=TOL)
        for group in mf.groups:
            assert mf.by_group[name][group] == pytest.approx(ref.by_group[name][group], abs=TOL)
        assert mf.group_min()[name] == pytest.approx(ref.group_min()[name], abs=TOL)
        assert mf.group_max()[name] == pytest.approx(ref.group_max()[name], abs=TOL)
        for method in ("between_groups", "to_overall"):
            assert mf.difference(method)[name] == pytest.approx(
                ref.difference(method=method)[name], abs=TOL
            )
            assert mf.ratio(method)[name] == pytest.approx(ref.ratio(method=method)[name], abs=TOL)
    # rows for a lab table: one per group, then overall
    rows = mf.rows()
    assert [r[0] for r in rows] == ["f", "m", "x", "overall"]


def test_single_metric_frame_and_fpr_fnr_gaps():
    y, p, g, _ = data(4, groups=("1", "2"))
    mf = ours.MetricFrame(metrics=ours.selection_rate, y_true=y, y_pred=p, sensitive_features=g)
    ref = fm.MetricFrame(metrics=fm.selection_rate, y_true=y, y_pred=p, sensitive_features=g)
    assert mf.overall == pytest.approx(ref.overall, abs=TOL)
    assert mf.difference() == pytest.approx(ref.difference(), abs=TOL)
    fpr = fm.MetricFrame(metrics=fm.false_positive_rate, y_true=y, y_pred=p, sensitive_features=g)
    fnr = fm.MetricFrame(metrics=fm.false_negative_rate, y_true=y, y_pred=p, sensitive_features=g)
    assert ours.false_positive_rate_difference(y, p, sensitive_features=g) == pytest.approx(
        fpr.difference(), abs=TOL
    )
    assert ours.false_negative_rate_difference(y, p, sensitive_features=g) == pytest.approx(
        fnr.difference(), abs=TOL
    )


def test_string_labels_with_pos_label():
    y, p, g, _ = data(5)
    ys, ps = np.where(y == 1, "sick", "well"), np.where(p == 1, "sick", "well")
    a = ours.equalized_odds_difference(ys, ps, sensitive_features=g, pos_label="sick")
    assert a == pytest.approx(fm.equalized_odds_difference(y, p, sensitive_features=g), abs=TOL)


def test_calibration_by_group_equals_sklearn_per_group():
    from sklearn.calibration import calibration_curve

    y, _, g, s = data(6)
    s[:3] = [0.0, 0.5, 1.0]  # scores on bin edges go where scikit-learn puts them
    got = ours.calibration_by_group(y, s, sensitive_features=g, n_bins=7)
    for group in ("f", "m", "x"):
        prob_true, prob_pred = calibration_curve(y[g == group], s[g == group], n_bins=7)
        np.testing.assert_allclose(got[group][0], prob_true, rtol=0, atol=TOL)
        np.testing.assert_allclose(got[group][1], prob_pred, rtol=0, atol=TOL)


def test_hand_computed_example():
    # group a: y=[1,1,0,0], ŷ=[1,0,1,0] → selection 1/2, TPR 1/2, FPR 1/2
    # group b: y=[1,1,0,0], ŷ=[1,1,1,0] → selection 3/4, TPR 1, FPR 1/2
    y = [1, 1, 0, 0, 1, 1, 0, 0]
    p = [1, 0, 1, 0, 1, 1, 1, 0]
    g = ["a"] * 4 + ["b"] * 4
    assert ours.demographic_parity_difference(y, p, sensitive_features=g) == 0.25
    assert ours.demographic_parity_ratio(y, p, sensitive_features=g) == pytest.approx(2 / 3)
    assert ours.equalized_odds_difference(y, p, sensitive_features=g) == 0.5
    assert ours.false_positive_rate_difference(y, p, sensitive_features=g) == 0.0


# --- bad input: one clear sentence each ------------------------------------------------------


def test_lengths_must_match():
    with pytest.raises(ValueError, match="y_true has 3 samples but y_pred has 2"):
        ours.selection_rate([0, 1, 1], [1, 0])
    with pytest.raises(ValueError, match="y_true has 4 samples but sensitive_features has 3"):
        ours.demographic_parity_difference([0, 1, 1, 0], [1, 0, 1, 1], sensitive_features=[1, 2, 2])


def test_group_with_a_single_member():
    with pytest.raises(ValueError, match="group 'c' of sensitive_features has only 1 member"):
        ours.demographic_parity_difference(
            [0, 1, 1, 0, 1], [1, 0, 1, 1, 0], sensitive_features=["a", "a", "b", "b", "c"]
        )


def test_group_with_a_single_class():
    # group b has only positives: its false positive rate does not exist
    with pytest.raises(ValueError, match="in group 'b'.*no negative samples"):
        ours.equalized_odds_difference(
            [0, 1, 1, 1], [1, 0, 1, 1], sensitive_features=["a", "a", "b", "b"]
        )


def test_a_single_group():
    with pytest.raises(ValueError, match="single group 'a'"):
        ours.demographic_parity_difference([0, 1], [1, 0], sensitive_features=["a", "a"])


def test_non_binary_labels():
    with pytest.raises(ValueError, match="y_true has 3 distinct labels.*needs binary labels"):
        ours.equalized_odds_difference(
            [0, 1, 2, 1], [1, 0, 1, 1], sensitive_features=["a", "a", "b", "b"]
        )
    with pytest.raises(ValueError, match="pos_label='yes' is not one of the labels"):
        ours.true_positive_rate([0, 1, 1], [1, 0, 1], pos_label="yes")


def test_bad_probabilities_and_bins():
    with pytest.raises(ValueError, match=r"y_prob must hold probabilities in \[0, 1\]"):
        ours.calibration_by_group(
            [0, 1, 0, 1], [0.2, 1.5, 0.1, 0.3], sensitive_features=[1, 1, 2, 2]
        )
    with pytest.raises(ValueError, match="n_bins must be a positive integer"):
        ours.calibration_by_group([0, 1], [0.2, 0.5], sensitive_features=[1, 1], n_bins=0)


def test_unknown_method_and_metrics_type():
    mf = ours.MetricFrame(
        metrics=ours.selection_rate,
        y_true=[0, 1, 0, 1],
        y_pred=[1, 1, 0, 1],
        sensitive_features=["a", "a", "b", "b"],
    )
    with pytest.raises(ValueError, match="method must be 'between_groups' or 'to_overall'"):
        mf.difference("worst")
    with pytest.raises(TypeError, match="metrics must be a callable"):
        ours.MetricFrame(
            metrics=[ours.selection_rate],
            y_true=[0, 1],
            y_pred=[0, 1],
            sensitive_features=["a", "b"],
        )
