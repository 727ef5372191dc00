"""Checks for the PCA exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_equal


def _data():
    rng = np.random.default_rng(15)
    Z = rng.normal(size=(60, 3)) * [3.0, 1.0, 0.2]
    R = np.linalg.qr(rng.normal(size=(3, 3)))[0]
    return Z @ R.T + [5.0, -2.0, 1.0]


def _align(got, ref):
    """Flip each row of ``got`` to point the same way as the matching row of ``ref``."""
    got = np.asarray(got, dtype=float)
    if got.shape != ref.shape:
        return got
    signs = np.sign(np.sum(got * ref, axis=1, keepdims=True))
    signs[signs == 0] = 1.0
    return got * signs


def check_components(submitted, reference):
    """the principal axes (rows of Vᵀ), up to sign"""
    X = _data()
    got = submitted(n_components=2).fit(X).components_
    ref = reference(n_components=2).fit(X).components_
    Xc = X - X.mean(axis=0)
    Vt = np.linalg.svd(X, full_matrices=False)[2]
    expect_close(
        _align(got, ref),
        ref,
        what="components_",
        inputs="60 points in 3-D (seed 15), n_components=2",
        mistakes=[
            (_align(Vt[:2], ref), "centre the data (subtract the column means) before the SVD"),
            (
                _align(np.linalg.svd(Xc, full_matrices=False)[2][:, :2].T, ref),
                "take rows of Vt (Vt[:q]), not columns",
            ),
        ],
    )


def check_explained_variance(submitted, reference):
    """variances s²/(n − 1) and their shares s²/Σs²"""
    X = _data()
    got = submitted(n_components=2).fit(X)
    ref = reference(n_components=2).fit(X)
    S = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    expect_close(
        got.explained_variance_,
        ref.explained_variance_,
        what="explained_variance_",
        inputs="the same data",
        mistakes=[
            (S[:2] ** 2 / 60, "divide by n − 1, not n"),
            (S[:2], "square the singular values"),
            (S[:2] ** 2, "divide the squared singular values by n − 1"),
        ],
    )
    expect_close(
        got.explained_variance_ratio_,
        ref.explained_variance_ratio_,
        what="explained_variance_ratio_",
        inputs="the same data",
        mistakes=[
            (
                S[:2] ** 2 / np.sum(S[:2] ** 2),
                "divide by the sum over ALL singular values, not only the kept ones",
            ),
            (
                S[:2] ** 2 / (60 - 1) / np.var(X, axis=0).sum(),
                "the shares are S²/ΣS²: np.var divides by n while explained_variance_ "
                "divides by n − 1",
            ),
        ],
    )


def check_transform(submitted, reference):
    """projections onto the axes, up to each axis's sign"""
    X = _data()
    got_model = submitted(n_components=2).fit(X)
    ref_model = reference(n_components=2).fit(X)
    signs = np.sign(np.sum(np.asarray(got_model.components_) * ref_model.components_, axis=1))
    Xnew = X[:5] + 1.0
    expect_close(
        np.asarray(got_model.transform(Xnew)) * signs,
        ref_model.transform(Xnew),
        what="transform(X)",
        inputs="5 shifted training points",
        mistakes=[
            ((Xnew @ ref_model.components_.T), "subtract the training mean before projecting"),
            (
                (Xnew - Xnew.mean(axis=0)) @ ref_model.components_.T,
                "centre with the training mean_, not the mean of the new data",
            ),
        ],
    )


def check_all_components_by_default(submitted, reference):
    """n_components=None keeps every axis"""
    X = _data()
    ref = reference().fit(X.copy()).components_
    got = np.asarray(submitted().fit(X.copy()).components_)
    expect_equal(
        got.shape,
        ref.shape,
        what="the shape of components_",
        inputs="60 points in 3-D (seed 15), n_components=None",
        mistakes=[((2, 3), "with n_components None, keep all min(n, d) axes")],
    )
    expect_close(
        _align(got, ref),
        ref,
        what="components_",
        inputs="60 points in 3-D (seed 15), n_components=None",
        mistakes=[(ref[:2], "with n_components None, keep all min(n, d) axes")],
    )
