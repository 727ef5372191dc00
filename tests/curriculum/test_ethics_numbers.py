"""Every number the stage-7 lessons state, recomputed by our code.

Each test parses the number from the lesson text, so editing a lesson without updating the
computation (or the other way round) fails here. Tolerances are half a unit of the last
digit printed; counts must match exactly. The impossibility results of Kleinberg et al.
and Chouldechova are reproduced twice: exactly, and by sampling people from the lesson's
groups.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.curriculum.numbers import LESSONS, NUM, check, stated_text

# --- harms ------------------------------------------------------------------------------------


def test_synthetic_label_bias():
    from ladder.data.synthetic import make_biased_classification

    lesson = "ethics.harms"
    assert "`bias=0.5` on 20,000 people (seed 1)" in LESSONS[lesson]
    d = make_biased_classification(20_000, bias=0.5, random_state=1)
    ra, rb = d.y[d.group == "a"].mean(), d.y[d.group == "b"].mean()
    check(lesson, r"group b's recorded positive rate is " + NUM, rb)
    check(lesson, r"against group a's " + NUM, ra)
    check(lesson, r"a ratio of " + NUM, rb / ra)


def test_feedback_loop():
    from ladder.ethics.feedback import simulate_patrols

    lesson = "ethics.harms"
    check(lesson, r"true rate \(" + NUM + " incidents per patrol", 0.1)
    greedy = simulate_patrols([6, 5], [0.1, 0.1], days=100, patrols_per_day=10)[-1]
    check(lesson, r"district holds " + NUM + " of the", greedy[0])
    check(lesson, r"of the " + NUM + " recorded incidents", greedy.sum())
    check(lesson, r"recorded incidents, a share of " + NUM, greedy[0] / greedy.sum())
    prop = simulate_patrols([6, 5], [0.1, 0.1], days=100, patrols_per_day=10, rule="proportional")[
        -1
    ]
    check(lesson, r"6/11 = " + NUM, prop[0] / prop.sum())


def test_medical_row_counts(shared_data):
    from ladder.data.tabular import load_medical_examination

    d = load_medical_examination()
    check("ethics.harms", r"disease on " + NUM + " patients", len(d))
    check("ethics.documentation", r"holds " + NUM + " cleaned rows", len(d))
    check(
        "ethics.documentation", r"of which " + NUM + " are women", int(np.sum(d.group == "women"))
    )


# --- fairness definitions -----------------------------------------------------------------


def test_worked_metrics_example():
    from ladder.ethics import metrics

    lesson = "ethics.fairness-definitions"
    y = [1, 1, 0, 0, 1, 1, 0, 0]
    p = [1, 0, 1, 0, 1, 1, 1, 0]
    g = ["a"] * 4 + ["b"] * 4
    assert "| a | 1 1 0 0 | 1 0 1 0 | 2/4 | 1/2 | 1/2 |" in LESSONS[lesson]
    assert "| b | 1 1 0 0 | 1 1 1 0 | 3/4 | 2/2 | 1/2 |" in LESSONS[lesson]
    check(
        lesson,
        r"demographic parity difference is " + NUM,
        metrics.demographic_parity_difference(y, p, sensitive_features=g),
    )
    check(
        lesson,
        r"and the ratio " + NUM,
        metrics.demographic_parity_ratio(y, p, sensitive_features=g),
    )
    check(lesson, r"flags a selection-rate ratio under " + NUM, 0.8)
    check(
        lesson,
        r"equalized odds difference is " + NUM,
        metrics.equalized_odds_difference(y, p, sensitive_features=g),
    )


def test_chouldechova_exactly_and_by_simulation():
    from ladder.ethics.impossibility import chouldechova_fpr

    lesson = "ethics.fairness-definitions"
    ppv, fnr = (
        float(stated_text(lesson, r"PPV = " + NUM)),
        float(stated_text(lesson, r"FNR = " + NUM)),
    )
    p1 = float(stated_text(lesson, r"prevalences are " + NUM))
    p2 = float(stated_text(lesson, r"prevalences are [\d.]+ and " + NUM))
    f1, f2 = chouldechova_fpr(p1, ppv, fnr), chouldechova_fpr(p2, ppv, fnr)
    check(lesson, r"FPR = " + NUM + " in the first group", f1)
    check(lesson, r"in the first group and " + NUM, f2)
    assert 3 < f2 / f1 < 4 and "more than three times as often" in " ".join(LESSONS[lesson].split())
    # the identity is arithmetic on a confusion matrix: build one per group and read it off
    for p, f in ((p1, f1), (p2, f2)):
        n = 1_000_000
        pos = p * n
        tp = (1 - fnr) * pos
        fp = tp * (1 - ppv) / ppv  # precision tp / (tp + fp) = ppv
        assert fp / (n - pos) == pytest.approx(f, rel=1e-12)


def test_kleinberg_exactly_and_by_sampling():
    from ladder.ethics.impossibility import calibrated_group, sample_calibrated

    lesson = "ethics.fairness-definitions"
    groups = {
        "group 1": ([0.2, 0.6], [0.75, 0.25]),
        "group 2": ([0.2, 0.6, 0.8], [0.25, 0.25, 0.5]),
    }
    for name, (scores, probs) in groups.items():
        exact = calibrated_group(scores, probs)
        pat = rf"{name}: .*? Base rate {NUM}; the positives average {NUM} and the negatives {NUM}"
        check(lesson, pat, exact.base_rate, 1)
        check(lesson, pat, exact.mean_score_positives, 2)
        check(lesson, pat, exact.mean_score_negatives, 3)
        # 400,000 sampled people: calibrated in every score bucket, and the same means
        s, y = sample_calibrated(scores, probs, 400_000, seed=1)
        for v in scores:  # standard error ≤ 0.5 / sqrt(100,000) ≈ 0.0016
            assert y[s == v].mean() == pytest.approx(v, abs=0.01)
        assert y.mean() == pytest.approx(exact.base_rate, abs=0.01)
        assert s[y == 1].mean() == pytest.approx(exact.mean_score_positives, abs=0.01)
        assert s[y == 0].mean() == pytest.approx(exact.mean_score_negatives, abs=0.01)


# --- mitigation -------------------------------------------------------------------------------


def test_reweighing_example():
    from ladder.ethics.reweighing import Reweighing, reweighing_weights

    lesson = "ethics.mitigation"
    y, g = [1, 1, 0, 1, 0, 0], ["a", "a", "a", "b", "b", "b"]
    weights = Reweighing().fit(y, g).weights_
    check(lesson, r"weights are \$9/12 = " + NUM, weights[("a", 1)])
    assert weights[("b", 0)] == weights[("a", 1)]
    check(lesson, r"and \$9/6 = " + NUM, weights[("a", 0)])
    assert weights[("b", 1)] == weights[("a", 0)]
    w = reweighing_weights(y, g)
    check(lesson, r"total weight is still " + NUM, w.sum())
    for a in "ab":
        m = np.array(g) == a
        assert np.average(np.array(y)[m], weights=w[m]) == 0.5  # "a positive rate of one half"


def test_tradeoff_curve_example():
    from ladder.ethics.thresholds import tradeoff_curve

    lesson = "ethics.mitigation"
    body = " ".join(LESSONS[lesson].split())
    assert "scores 0.9 (+), 0.6 (−), 0.4 (+) and 0.1 (−)" in body
    assert "thresholds $+\\infty$, 0.75, 0.5, 0.25, $-\\infty$" in body
    assert (
        "(0, 0.5), (0.25, 0.75), (0.5, 0.5), (0.75, 0.75), (1, 0.5)" in body
        and "the point (0.5, 0.5) is under the chord" in body
    )
    s, lab = np.array([0.9, 0.6, 0.4, 0.1]), np.array([True, False, True, False])
    x, y, t = tradeoff_curve(s, lab, "selection_rate", "accuracy_score")
    np.testing.assert_allclose(x, [0, 0.25, 0.75, 1])  # the hull: (0.5, 0.5) dropped
    np.testing.assert_allclose(y, [0.5, 0.75, 0.75, 0.5])
    for thr, sel, acc in ((0.5, 0.5, 0.5),):  # the dropped point, computed directly
        pred = s > thr
        assert pred.mean() == sel and np.mean(pred == lab) == acc


# --- embedding bias ---------------------------------------------------------------------------


def _unit(deg):
    r = math.radians(deg)
    return [math.cos(r), math.sin(r)]


def test_weat_hand_example():
    from ladder.ethics.weat import weat_effect_size, weat_p_value

    lesson = "ethics.embedding-bias"
    X, Y, A, B = [_unit(0), _unit(30)], [_unit(60), _unit(90)], [_unit(0)], [_unit(90)]
    check(lesson, r"and \$d = " + NUM, weat_effect_size(X, Y, A, B))
    check(lesson, r"so \$p = " + NUM + r"\$; swap", weat_p_value(X, Y, A, B))
    check(
        lesson,
        r"one of the 6 does, so \$p = " + NUM,
        weat_p_value([_unit(0), _unit(60)], [_unit(30), _unit(90)], A, B),
    )


# --- privacy ------------------------------------------------------------------------------------


def test_yeom_bound():
    from ladder.ethics.membership import dp_advantage_bound

    lesson = "ethics.privacy"
    check(lesson, NUM + r" at \$\\varepsilon = 0.1\$", dp_advantage_bound(0.1))
    check(lesson, r"but " + NUM + r" at \$\\varepsilon = 1\$", math.expm1(1.0))


def test_gaussian_mechanism():
    from ladder.ethics.mechanisms import gaussian_mechanism_sigma

    check("ethics.privacy", r"that is \$\\sigma = " + NUM, gaussian_mechanism_sigma(1.0, 0.5, 1e-5))


def test_mnist_accountant():
    from ladder.ethics.accountant import RDPAccountant

    lesson = "ethics.privacy"
    steps = 60_000 // 256 * 60
    check(lesson, r"60 epochs \(" + NUM + " steps\\)", steps)
    acc = RDPAccountant()
    acc.step(noise_multiplier=1.1, sample_rate=256 / 60_000, steps=steps)
    check(lesson, r"gives \$\\varepsilon = " + NUM, acc.epsilon(1e-5))


def test_luhn_and_iban_examples():
    from ladder.ethics.pii import iban_valid, luhn_valid

    lesson = "ethics.privacy"
    terms = []
    for i, ch in enumerate(reversed("79927398713")):
        d = int(ch)
        terms.append(d * 2 - 9 if i % 2 and d > 4 else d * 2 if i % 2 else d)
    written = " + ".join(map(str, terms)) + f" = {sum(terms)}"
    assert written in " ".join(LESSONS[lesson].split())
    assert sum(terms) == 70 and luhn_valid("79927398713") and not luhn_valid("79927398714")
    assert "GB82 WEST 1234 5698 7654 32 passes" in LESSONS[lesson]
    assert iban_valid("GB82 WEST 1234 5698 7654 32")


# --- documentation --------------------------------------------------------------------------


def test_worst_group_example():
    from ladder.ethics.model_card import worst_group_gap

    lesson = "ethics.documentation"
    res = worst_group_gap({"women": 0.71, "men": 0.74})
    assert res["worst_group"] == "women"
    check(lesson, r"the card says the worst group is women, " + NUM, res["gap"])
