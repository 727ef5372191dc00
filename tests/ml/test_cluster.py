"""Parity: KMeans against sklearn.cluster.KMeans, PCA against sklearn.decomposition.PCA.

PCA: both take the SVD of the same centred float64 matrix; components agree up to sign
to 1e-10 (well-separated singular values on digits' leading axes and on wine), and
explained variances to rtol 1e-10.
k-means: random draws differ from sklearn's, so on well-separated blobs we require the
same partition (up to label names) and the same inertia (rtol 1e-9: the same means);
on digits, where many local minima exist, our best-of-3 inertia within 1% of sklearn's
best-of-3 (over seeds 0-3 the ratio was 0.9995-1.0005).
"""

from __future__ import annotations

import numpy as np
import pytest

skc = pytest.importorskip("sklearn.cluster")
from sklearn.datasets import load_digits, load_wine, make_blobs  # noqa: E402
from sklearn.decomposition import PCA as SkPCA  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from ladder.ml.cluster import KMeans  # noqa: E402
from ladder.ml.decomposition import PCA  # noqa: E402


def same_pca(X, n_components):
    """The one helper for PCA: components up to sign, variances, projections."""
    a = PCA(n_components).fit(X)
    b = SkPCA(n_components, svd_solver="full").fit(X)
    assert a.n_components_ == b.n_components_
    signs = np.sign(np.sum(a.components_ * b.components_, axis=1))
    np.testing.assert_allclose(a.components_, signs[:, None] * b.components_, atol=1e-10)
    np.testing.assert_allclose(a.explained_variance_, b.explained_variance_, rtol=1e-10)
    np.testing.assert_allclose(a.explained_variance_ratio_, b.explained_variance_ratio_, rtol=1e-10)
    np.testing.assert_allclose(a.transform(X), b.transform(X) * signs, atol=1e-9)
    np.testing.assert_allclose(
        a.inverse_transform(a.transform(X)), b.inverse_transform(b.transform(X)), atol=1e-9
    )


@pytest.mark.parametrize("n_components", [2, 5, 0.9, None])
def test_pca_wine(n_components):
    same_pca(StandardScaler().fit_transform(load_wine().data), n_components)


def test_pca_digits_leading_axes():
    same_pca(load_digits().data, 10)


def test_kmeans_blobs_same_partition():
    X, _ = make_blobs(n_samples=300, centers=4, cluster_std=0.6, random_state=0)
    a = KMeans(4, n_init=5, random_state=0).fit(X)
    b = skc.KMeans(4, n_init=5, random_state=0).fit(X)
    assert adjusted_rand_score(a.labels_, b.labels_) == 1.0
    np.testing.assert_allclose(a.inertia_, b.inertia_, rtol=1e-9)


def test_kmeans_digits_inertia_close():
    X = load_digits().data
    a = KMeans(10, n_init=3, random_state=0).fit(X)
    b = skc.KMeans(10, n_init=3, random_state=0).fit(X)
    assert a.inertia_ <= 1.01 * b.inertia_, (a.inertia_, b.inertia_)


def test_kmeans_predict_matches_labels():
    X, _ = make_blobs(n_samples=100, centers=3, random_state=1)
    m = KMeans(3, random_state=0).fit(X)
    np.testing.assert_array_equal(m.predict(X), m.labels_)
    assert m.score(X) == pytest.approx(-m.inertia_)
