"""LogisticRegression with sample_weight against scikit-learn's (the same weighted objective
C·Σ w_i loss_i + ½‖w‖²). Tolerances as in test_logistic.py: Newton to 1e-8 against L-BFGS
to 1e-12 on standardised data, coefficients O(1): atol 1e-5."""

from __future__ import annotations

import numpy as np
import pytest

sklm = pytest.importorskip("sklearn.linear_model", reason="could not import scikit-learn")
from sklearn.datasets import load_breast_cancer, load_wine  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from ladder.ml.logistic import LogisticRegression  # noqa: E402


@pytest.mark.parametrize("loader", [load_breast_cancer, load_wine])
def test_weighted_fit_equals_sklearn(loader):
    X, y = loader(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    w = np.random.default_rng(0).uniform(0.2, 3.0, len(y))
    ours = LogisticRegression(C=0.5).fit(X, y, sample_weight=w)
    ref = sklm.LogisticRegression(C=0.5, tol=1e-12, max_iter=10_000).fit(X, y, sample_weight=w)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-5)
    np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-5)


def test_integer_weights_equal_repeated_rows():
    X, y = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X)[:120]
    y = y[:120]
    w = np.random.default_rng(1).integers(1, 4, len(y))
    weighted = LogisticRegression().fit(X, y, sample_weight=w)
    repeated = LogisticRegression().fit(np.repeat(X, w, axis=0), np.repeat(y, w))
    np.testing.assert_allclose(weighted.coef_, repeated.coef_, atol=1e-8)


def test_bad_weights():
    X, y = np.eye(4), np.array([0, 1, 0, 1])
    with pytest.raises(ValueError, match="sample_weight has shape \\(3,\\) but X has 4 rows"):
        LogisticRegression().fit(X, y, sample_weight=[1, 1, 1])
    with pytest.raises(ValueError, match="sample_weight must be finite and non-negative"):
        LogisticRegression().fit(X, y, sample_weight=[1, -1, 1, 1])
