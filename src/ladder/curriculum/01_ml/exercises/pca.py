"""Principal component analysis by the SVD.

fit(X), X of shape (n, d):
    mean_ = column means;  X_c = X - mean_
    U, S, Vt = np.linalg.svd(X_c, full_matrices=False)
    components_               = Vt[:q]                  (q = n_components rows, unit length;
                                                         all of them when n_components is None)
    explained_variance_       = S[:q]**2 / (n - 1)
    explained_variance_ratio_ = S[:q]**2 / sum(S**2)
    return self

transform(X) = (X - mean_) @ components_.T,  shape (n, q)

Each axis's sign is arbitrary; the checks accept either. The matching library class is
``sklearn.decomposition.PCA``.
"""

import numpy as np


class PCA:
    def __init__(self, n_components: int | None = None) -> None:
        self.n_components = n_components

    def fit(self, X) -> "PCA":
        X = np.asarray(X, dtype=float)
        # TODO: centre, take the SVD, keep the first n_components axes and variances.
        raise NotImplementedError

    def transform(self, X) -> np.ndarray:
        # TODO: centre with the training mean and project onto the components.
        raise NotImplementedError
