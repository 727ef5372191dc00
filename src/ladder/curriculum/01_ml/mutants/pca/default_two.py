# mutant: n_components None keeps two axes
# likely: keep all min(n, d) axes
import numpy as np


class PCA:
    def __init__(self, n_components: int | None = None) -> None:
        self.n_components = n_components

    def fit(self, X) -> "PCA":
        X = np.asarray(X, dtype=float)
        n = X.shape[0]
        self.mean_ = X.mean(axis=0)
        Xc = X - self.mean_
        U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
        q = self.n_components or 2
        self.components_ = Vt[:q]
        self.explained_variance_ = S[:q] ** 2 / (n - 1)
        self.explained_variance_ratio_ = S[:q] ** 2 / np.sum(S**2)
        return self

    def transform(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=float)
        return (X - self.mean_) @ self.components_.T
