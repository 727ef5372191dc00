"""Exponentiated gradient against fairlearn's ExponentiatedGradient.

Same data, same base learner (scikit-learn's LogisticRegression, deterministic L-BFGS), same
defaults (eps 0.01, 50 iterations, eta0 2, the LP step). Both play the same classifiers, so
the randomised predictions agree up to float64 rounding of the weights fed to the learner
(measured 3e-15). The stated margins: predicted probabilities within 1e-6, hence accuracy
and disparity within 1e-6; a learner whose fit differed in the last bits could flip a
borderline sample, which 1e-6 would still show as a failure worth looking at.
"""

from __future__ import annotations

import numpy as np
import pytest

reductions = pytest.importorskip("fairlearn.reductions", reason="could not import fairlearn")
sklm = pytest.importorskip("sklearn.linear_model", reason="could not import scikit-learn")

from ladder.ethics import reductions as ours  # noqa: E402
from ladder.ethics.metrics import (  # noqa: E402
    demographic_parity_difference,
    equalized_odds_difference,
)

# fairlearn's own pandas usage warns under pandas 4; not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore:Setting a value on a Series via .at")

PAIRS = {
    "dp": (ours.DemographicParity, reductions.DemographicParity),
    "eo": (ours.EqualizedOdds, reductions.EqualizedOdds),
    "tpr": (ours.TruePositiveRateParity, reductions.TruePositiveRateParity),
}


def expected_metrics(p, y, g):
    """Accuracy and disparities of a randomised classifier, in expectation."""
    acc = float(np.mean(np.where(y == 1, p, 1 - p)))
    sel = [p[g == a].mean() for a in np.unique(g)]
    return acc, max(sel) - min(sel)


def run_both(X, y, g, kind):
    mine, theirs = PAIRS[kind]
    o = ours.ExponentiatedGradient(sklm.LogisticRegression(), mine()).fit(
        X, y, sensitive_features=g
    )
    f = reductions.ExponentiatedGradient(sklm.LogisticRegression(), theirs()).fit(
        X, y, sensitive_features=g
    )
    po, pf = o._pmf_predict(X), f._pmf_predict(X)[:, 1]
    assert len(o.predictors_) == len(f.predictors_) and o.best_iter_ == f.best_iter_
    np.testing.assert_allclose(po, pf, rtol=0, atol=1e-6)
    a_o, d_o = expected_metrics(po, y, g)
    a_f, d_f = expected_metrics(pf, y, g)
    assert abs(a_o - a_f) < 1e-6 and abs(d_o - d_f) < 1e-6
    return o, po


@pytest.mark.parametrize("kind", ["dp", "eo", "tpr"])
def test_same_randomised_classifier_as_fairlearn_on_synthetic_data(kind):
    from ladder.data.synthetic import make_biased_classification

    d = make_biased_classification(2000, bias=0.4, random_state=5)
    X = (d.X - d.X.mean(0)) / d.X.std(0)
    o, p = run_both(X, d.y, d.group, kind)
    if kind == "dp":
        # the constraint did something: the unconstrained model's gap is several times larger
        base = sklm.LogisticRegression().fit(X, d.y).predict(X)
        before = demographic_parity_difference(d.y, base, sensitive_features=d.group)
        after = expected_metrics(p, d.y, d.group)[1]
        assert after < before / 3


def test_same_on_the_medical_data(shared_data):
    from ladder.data.tabular import load_medical_examination

    d = load_medical_examination()
    idx = np.random.default_rng(0).choice(len(d), 4000, replace=False)
    X = d.X[idx]
    run_both((X - X.mean(0)) / X.std(0), d.y[idx], d.group[idx], "eo")


def test_our_own_logistic_regression_as_the_base_learner():
    from ladder.data.synthetic import make_biased_classification
    from ladder.ml.logistic import LogisticRegression

    d = make_biased_classification(1500, bias=0.5, random_state=2)
    X = (d.X - d.X.mean(0)) / d.X.std(0)
    eg = ours.ExponentiatedGradient(LogisticRegression(), ours.EqualizedOdds()).fit(
        X, d.y, sensitive_features=d.group
    )
    base = LogisticRegression().fit(X, d.y).predict(X)
    pred = eg.predict(X, random_state=0)
    assert equalized_odds_difference(
        d.y, pred, sensitive_features=d.group
    ) < equalized_odds_difference(d.y, base, sensitive_features=d.group)
    np.testing.assert_allclose(eg.predict_proba(X).sum(1), 1.0)


def test_bad_input():
    X, y, g = np.zeros((4, 2)), np.array([0, 1, 0, 1]), np.array(["a", "a", "b", "b"])
    lr = sklm.LogisticRegression()
    with pytest.raises(TypeError, match="constraints must be DemographicParity"):
        ours.ExponentiatedGradient(lr, "demographic_parity").fit(X, y, sensitive_features=g)
    with pytest.raises(ValueError, match="eps must be positive"):
        ours.ExponentiatedGradient(lr, ours.DemographicParity(), eps=0).fit(
            X, y, sensitive_features=g
        )
    with pytest.raises(ValueError, match="X has 4 samples but y has 3"):
        ours.ExponentiatedGradient(lr, ours.DemographicParity()).fit(X, y[:3], sensitive_features=g)
    with pytest.raises(ValueError, match="y has 3 distinct labels"):
        ours.ExponentiatedGradient(lr, ours.DemographicParity()).fit(
            X, [0, 1, 2, 1], sensitive_features=g
        )
    with pytest.raises(ValueError, match="difference_bound must be in"):
        ours.ExponentiatedGradient(lr, ours.DemographicParity(difference_bound=2)).fit(
            X, y, sensitive_features=g
        )
    with pytest.raises(ValueError, match="not fitted yet"):
        ours.ExponentiatedGradient(lr, ours.DemographicParity()).predict(X)
