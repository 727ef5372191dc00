# mutant: explained_variance_ratio_ divides the (n - 1) variances by np.var's (n) total
# likely: np.var divides by n
import numpy as np


class PCA:
    def __init__(self, n_components: int | None = None) -> None:
        self.n_components = n_components

    def fit(self, X) -> "PCA":
        X = np.asarray(X, dtype=float)
        n = X.shape[0]
        self.mean_ = X.mean(axis=0)
        _, S, Vt = np.linalg.svd(X - self.mean_, full_matrices=False)
        q = self.n_components
        self.components_ = Vt[:q]
        self.explained_variance_ = S[:q] ** 2 / (n - 1)
        self.explained_variance_ratio_ = self.explained_variance_ / np.var(X, axis=0).sum()
        return self

    def transform(self, X) -> np.ndarray:
        return (np.asarray(X, dtype=float) - self.mean_) @ self.components_.T
