"""Parity: ladder.ml.metrics against sklearn.metrics on the same inputs.

Counting metrics (confusion matrix, precision/recall/F1, report) are exact: both sides
divide the same integers. Score-based ones (ROC, PR, AUC, log loss) sum the same float64
terms, possibly in another order: rtol=1e-12.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

skm = pytest.importorskip("sklearn.metrics")

from ladder.ml import metrics as ours  # noqa: E402

RTOL = 1e-12
rng = np.random.default_rng(0)
Y_REG = rng.normal(size=50), rng.normal(size=50)
Y_BIN = rng.integers(0, 2, 60), rng.integers(0, 2, 60)
Y_MULTI = rng.integers(0, 4, 80), rng.integers(0, 4, 80)
SCORE_TRUE = rng.integers(0, 2, 70)
SCORES = np.round(rng.random(70) + 0.4 * SCORE_TRUE, 1)  # rounded: many tied scores


def same(name: str, *args, theirs_name: str | None = None, **kwargs):
    """The one helper: call the metric of the same name on both sides and compare."""
    a = getattr(ours, name)(*args, **kwargs)
    b = getattr(skm, theirs_name or name)(*args, **kwargs)
    if isinstance(a, tuple):
        for x, y in zip(a, b, strict=True):
            if x is not None:
                np.testing.assert_allclose(x, y, rtol=RTOL)
    elif isinstance(a, str):
        assert a == b
    elif isinstance(a, dict):
        assert a.keys() == b.keys()
        for key in a:
            same_value = a[key] if not isinstance(a[key], dict) else list(a[key].values())
            theirs = b[key] if not isinstance(b[key], dict) else list(b[key].values())
            np.testing.assert_allclose(same_value, theirs, rtol=RTOL, err_msg=key)
    else:
        np.testing.assert_allclose(a, b, rtol=RTOL)


@pytest.mark.parametrize(
    "name", ["mean_squared_error", "root_mean_squared_error", "mean_absolute_error", "r2_score"]
)
def test_regression_metrics(name):
    same(name, *Y_REG)


@pytest.mark.parametrize("ys", [Y_BIN, Y_MULTI])
def test_confusion_and_accuracy(ys):
    same("confusion_matrix", *ys)
    same("accuracy_score", *ys)
    same("confusion_matrix", *ys, labels=[1, 0])


@pytest.mark.parametrize("fn", ["precision_score", "recall_score", "f1_score"])
@pytest.mark.parametrize("average", ["macro", "micro", "weighted", None])
def test_prf_multiclass(fn, average):
    same(fn, *Y_MULTI, average=average)


@pytest.mark.parametrize("fn", ["precision_score", "recall_score", "f1_score"])
@pytest.mark.parametrize("pos_label", [0, 1])
def test_prf_binary(fn, pos_label):
    same(fn, *Y_BIN, average="binary", pos_label=pos_label)


def test_prf_with_an_unpredicted_class_gives_zero():
    y_true, y_pred = [0, 1, 2, 2], [0, 1, 1, 1]  # class 2 never predicted: P = 0/0
    same("precision_score", y_true, y_pred, average="macro", zero_division=0.0)
    same("f1_score", y_true, y_pred, average="weighted", zero_division=0.0)


def test_specificity_is_tn_over_tn_plus_fp():
    # TN=3, FP=1, FN=2, TP=2: specificity 3/4; the mistake TN/(TN+FN) would give 3/5.
    y_true = [0, 0, 0, 0, 1, 1, 1, 1]
    y_pred = [0, 0, 0, 1, 0, 0, 1, 1]
    tn, fp, fn, tp = skm.confusion_matrix(y_true, y_pred).ravel()
    assert (tn, fp, fn, tp) == (3, 1, 2, 2)
    assert ours.specificity_score(y_true, y_pred) == pytest.approx(tn / (tn + fp))
    assert ours.specificity_score(y_true, y_pred) != pytest.approx(tn / (tn + fn))
    # Specificity is the recall of the negative class.
    assert ours.specificity_score(y_true, y_pred) == skm.recall_score(y_true, y_pred, pos_label=0)


def test_curves_with_ties():
    same("roc_curve", SCORE_TRUE, SCORES)
    same("roc_curve", SCORE_TRUE, SCORES, drop_intermediate=False)
    same("precision_recall_curve", SCORE_TRUE, SCORES)
    same("roc_auc_score", SCORE_TRUE, SCORES)
    same("average_precision_score", SCORE_TRUE, SCORES)


def test_log_loss_binary_and_multiclass():
    p = np.clip(SCORES, 0, 1)
    same("log_loss", SCORE_TRUE, p)
    P = rng.dirichlet(np.ones(4), size=80)
    P[0] = [1.0, 0.0, 0.0, 0.0]  # exercises the clipping of log(0)
    same("log_loss", Y_MULTI[0], P)


@pytest.mark.parametrize("digits", [2, 4])
def test_classification_report_text_and_dict(digits):
    same("classification_report", *Y_MULTI, digits=digits)
    same("classification_report", *Y_MULTI, target_names=["a", "bb", "ccc", "dddd"], digits=digits)
    same("classification_report", *Y_MULTI, output_dict=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=30))
def test_property_f1_and_matrix_match(pairs):
    t, p = map(np.array, zip(*pairs, strict=True))
    same("confusion_matrix", t, p)
    for avg in ("macro", "micro", "weighted"):
        same("f1_score", t, p, average=avg, zero_division=0.0)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 5)), min_size=2, max_size=30))
def test_property_auc_matches(pairs):
    t, s = map(np.array, zip(*pairs, strict=True))
    if t.min() == t.max():
        # One class: AUC is undefined. scikit-learn warns and returns NaN; ours refuses
        # with a ValueError saying to pass both classes (a deliberate difference).
        with pytest.raises(ValueError, match="one class"):
            ours.roc_auc_score(t.astype(int), s.astype(float))
        with pytest.warns(UserWarning):
            assert np.isnan(skm.roc_auc_score(t.astype(int), s.astype(float)))
        return
    same("roc_auc_score", t.astype(int), s.astype(float))
    same("average_precision_score", t.astype(int), s.astype(float))


def test_errors_show_the_problem():
    with pytest.raises(ValueError, match="shape"):
        ours.accuracy_score([0, 1], [0, 1, 1])
    with pytest.raises(ValueError, match="average='bogus'"):
        ours.f1_score([0, 1], [0, 1], average="bogus")
    with pytest.raises(ValueError, match="one class"):
        ours.roc_auc_score([1, 1], [0.2, 0.3])
