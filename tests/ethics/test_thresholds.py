"""Group thresholds against fairlearn's ThresholdOptimizer on the same scores.

Both sweep the same thresholds, build the same hulls and interpolate on the same 1,001-point
grid, so the chosen rules (thresholds and their probabilities) and the predicted
probabilities agree to float64 rounding of a few divisions (1e-9 absolute is a wide margin
for probabilities; thresholds are midpoints of the same two float64 scores and compare equal).
"""

from __future__ import annotations

import numpy as np
import pytest

from ladder.ethics.thresholds import ThresholdOptimizer, threshold_for_rate, tradeoff_curve

postprocessing = pytest.importorskip(
    "fairlearn.postprocessing", reason="could not import fairlearn"
)


def _fixed_scores():
    from sklearn.base import BaseEstimator, ClassifierMixin

    class FixedScores(ClassifierMixin, BaseEstimator):
        """A fitted 'estimator' whose predict_proba returns the scores stored in column 0 of X,
        so fairlearn sees exactly the scores we post-process."""

        def fit(self, X, y):
            return self

        def predict_proba(self, X):
            s = np.asarray(X)[:, 0]
            return np.column_stack([1 - s, s])

        def __sklearn_is_fitted__(self):
            return True

    return FixedScores()


def scored(data, n=None, seed=0):
    from sklearn.linear_model import LogisticRegression

    X, y, g = data.X, data.y, data.group
    if n is not None:
        idx = np.random.default_rng(seed).choice(len(y), n, replace=False)
        X, y, g = X[idx], y[idx], g[idx]
    Xs = (X - X.mean(0)) / X.std(0)
    scores = LogisticRegression(max_iter=1000).fit(Xs, y).predict_proba(Xs)[:, 1]
    return scores, y, g


def compare(scores, y, g, constraints, objective="accuracy_score"):
    ours = ThresholdOptimizer(constraints=constraints, objective=objective).fit(
        scores, y, sensitive_features=g
    )
    theirs = postprocessing.ThresholdOptimizer(
        estimator=_fixed_scores(),
        constraints=constraints,
        objective=objective,
        prefit=True,
        predict_method="predict_proba",
    ).fit(scores[:, None], y, sensitive_features=g)
    ref = theirs.interpolated_thresholder_.interpolation_dict
    assert set(ref) == set(ours.rules_)
    for group, rule in ours.rules_.items():
        r = ref[group]
        assert (
            rule.threshold0 == r.operation0.threshold and rule.threshold1 == r.operation1.threshold
        )
        assert rule.p0 == pytest.approx(r.p0, abs=1e-9) and rule.p1 == pytest.approx(r.p1, abs=1e-9)
        if constraints == "equalized_odds":
            assert rule.p_ignore == pytest.approx(r.p_ignore, abs=1e-9)
            assert rule.constant == pytest.approx(r.prediction_constant, abs=1e-12)
    p_ours = ours.predict_proba(scores, sensitive_features=g)
    p_ref = theirs.interpolated_thresholder_._pmf_predict(scores[:, None], sensitive_features=g)[
        :, 1
    ]
    np.testing.assert_allclose(p_ours, p_ref, rtol=0, atol=1e-9)
    return ours, p_ours


@pytest.mark.parametrize("constraints", ["demographic_parity", "equalized_odds"])
def test_same_rules_as_fairlearn_on_synthetic_data(constraints):
    from ladder.data.synthetic import make_biased_classification

    scores, y, g = scored(make_biased_classification(3000, bias=0.4, random_state=5))
    ours, p = compare(scores, y, g, constraints)
    # the constraint holds in expectation on the fitting data (grid step 0.001)
    rates = {a: p[g == a].mean() for a in ("a", "b")}
    if constraints == "demographic_parity":
        assert abs(rates["a"] - rates["b"]) < 2e-3
    else:
        for cls in (0, 1):
            r = [p[(g == a) & (y == cls)].mean() for a in ("a", "b")]
            assert abs(r[0] - r[1]) < 2e-3


@pytest.mark.parametrize("constraints", ["demographic_parity", "equalized_odds"])
def test_same_rules_as_fairlearn_on_the_medical_data(shared_data, constraints):
    from ladder.data.tabular import load_medical_examination

    scores, y, g = scored(load_medical_examination(), n=6000, seed=1)
    compare(scores, y, g, constraints)


def test_balanced_accuracy_objective_and_three_groups():
    rng = np.random.default_rng(7)
    g = rng.choice(["p", "q", "r"], 2000)
    y = (rng.random(2000) < np.select([g == "p", g == "q"], [0.3, 0.5], 0.7)).astype(int)
    scores = 1 / (1 + np.exp(-(1.5 * y + rng.normal(0, 1, 2000) + 0.4 * (g == "r"))))
    compare(scores, y, g, "demographic_parity", "balanced_accuracy_score")


def test_tradeoff_curve_hand_example():
    # scores 0.9(+), 0.6(−), 0.4(+), 0.1(−): selection rate vs accuracy at each threshold:
    # +inf: (0, 0.5); 0.75: (0.25, 0.75); 0.5: (0.5, 0.5); 0.25: (0.75, 0.75); -inf: (1, 0.5)
    # the upper hull drops (0.5, 0.5), which lies under the chord from 0.25 to 0.75
    x, y, t = tradeoff_curve(
        np.array([0.9, 0.6, 0.4, 0.1]),
        np.array([1, 0, 1, 0], bool),
        "selection_rate",
        "accuracy_score",
    )
    np.testing.assert_allclose(x, [0, 0.25, 0.75, 1])
    np.testing.assert_allclose(y, [0.5, 0.75, 0.75, 0.5])
    np.testing.assert_allclose(t, [np.inf, 0.75, 0.25, -np.inf])


def test_threshold_for_rate():
    s = [0.1, 0.9, 0.5, 0.7, 0.3]
    assert threshold_for_rate(s, 0.4) == pytest.approx(0.6)  # two of five above 0.6
    assert threshold_for_rate(s, 0.0) == np.inf and threshold_for_rate(s, 1.0) == -np.inf
    with pytest.raises(ValueError, match=r"rate must be a selection rate in \[0, 1\]"):
        threshold_for_rate(s, 1.2)


def test_bad_input():
    s, y, g = np.array([0.2, 0.8, 0.3, 0.9]), np.array([0, 1, 0, 1]), np.array(["a", "a", "b", "b"])
    with pytest.raises(ValueError, match="constraints must be one of"):
        ThresholdOptimizer(constraints="parity").fit(s, y, sensitive_features=g)
    with pytest.raises(ValueError, match="scores has 4 samples but y has 3"):
        ThresholdOptimizer().fit(s, y[:3], sensitive_features=g)
    with pytest.raises(ValueError, match="group 'b' has only one class in y"):
        ThresholdOptimizer().fit(s, [0, 1, 1, 1], sensitive_features=g)
    with pytest.raises(ValueError, match="y has 3 distinct labels"):
        ThresholdOptimizer().fit(s, [0, 1, 2, 1], sensitive_features=g)
    with pytest.raises(ValueError, match="single group 'a'"):
        ThresholdOptimizer().fit(s, y, sensitive_features=["a"] * 4)
    with pytest.raises(ValueError, match="not fitted yet"):
        ThresholdOptimizer().predict_proba(s, sensitive_features=g)
    fitted = ThresholdOptimizer().fit(s, y, sensitive_features=g)
    with pytest.raises(ValueError, match="group 'c' was not in the data given to fit"):
        fitted.predict_proba([0.5], sensitive_features=["c"])
