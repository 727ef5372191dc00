"""Parity: KNN and naive Bayes against sklearn (exact predictions).

KNN: identical predictions and probabilities (vote shares are ratios of small
integers or of the same distances: rtol=1e-12); breast cancer and wine have continuous
features, so no distance ties. Naive Bayes: the same closed forms; sklearn's variance is
computed by an online update, ours in one pass: probabilities agree to 1e-9 absolute.
"""

from __future__ import annotations

import numpy as np
import pytest

skn = pytest.importorskip("sklearn.neighbors")
import sklearn.naive_bayes as sknb  # noqa: E402
from sklearn.datasets import load_breast_cancer, load_digits, load_wine  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

from ladder.ml import naive_bayes, neighbors  # noqa: E402


def split(loader):
    X, y = loader(return_X_y=True)
    return train_test_split(X, y, test_size=0.3, random_state=0)


def same_model(ours_cls, sk_cls, data, proba_atol, **params):
    """The one helper: fit both on the train split, compare on the test split."""
    Xtr, Xte, ytr, yte = data
    a = ours_cls(**params).fit(Xtr, ytr)
    b = sk_cls(**params).fit(Xtr, ytr)
    pa, pb = a.predict(Xte), b.predict(Xte)
    if hasattr(b, "predict_proba"):
        np.testing.assert_allclose(a.predict_proba(Xte), b.predict_proba(Xte), atol=proba_atol)
        np.testing.assert_array_equal(pa, pb)
    else:
        np.testing.assert_allclose(pa, pb, rtol=1e-12)
    return a, b


@pytest.mark.parametrize("loader", [load_breast_cancer, load_wine])
@pytest.mark.parametrize("k", [1, 5, 15])
@pytest.mark.parametrize("weights", ["uniform", "distance"])
@pytest.mark.parametrize("p", [1, 2])
def test_knn_classifier(loader, k, weights, p):
    same_model(
        neighbors.KNeighborsClassifier,
        skn.KNeighborsClassifier,
        split(loader),
        1e-12,
        n_neighbors=k,
        weights=weights,
        p=p,
    )


@pytest.mark.parametrize("k", [1, 5])
@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_knn_regressor(k, weights):
    from sklearn.datasets import load_diabetes

    same_model(
        neighbors.KNeighborsRegressor,
        skn.KNeighborsRegressor,
        split(load_diabetes),
        None,
        n_neighbors=k,
        weights=weights,
    )


@pytest.mark.parametrize("loader", [load_breast_cancer, load_wine, load_digits])
@pytest.mark.parametrize("var_smoothing", [1e-9, 1e-3])
def test_gaussian_nb(loader, var_smoothing):
    a, b = same_model(
        naive_bayes.GaussianNB, sknb.GaussianNB, split(loader), 1e-9, var_smoothing=var_smoothing
    )
    np.testing.assert_allclose(a.theta_, b.theta_, rtol=1e-12)
    np.testing.assert_allclose(a.var_, b.var_, rtol=1e-9)


@pytest.mark.parametrize("alpha", [0.1, 1.0])
@pytest.mark.parametrize("fit_prior", [True, False])
def test_multinomial_nb_on_digit_pixel_counts(alpha, fit_prior):
    a, b = same_model(
        naive_bayes.MultinomialNB,
        sknb.MultinomialNB,
        split(load_digits),
        1e-12,
        alpha=alpha,
        fit_prior=fit_prior,
    )
    np.testing.assert_allclose(a.feature_log_prob_, b.feature_log_prob_, rtol=1e-12)


def test_multinomial_rejects_negative_counts():
    with pytest.raises(ValueError, match="non-negative"):
        naive_bayes.MultinomialNB().fit([[-1.0, 2.0], [1.0, 0.0]], [0, 1])
