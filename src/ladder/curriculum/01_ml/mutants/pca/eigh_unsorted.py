# mutant: eigenvectors of the covariance matrix in np.linalg.eigh's ascending order
import numpy as np


class PCA:
    def __init__(self, n_components: int | None = None) -> None:
        self.n_components = n_components

    def fit(self, X) -> "PCA":
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        C = np.cov(X - self.mean_, rowvar=False)
        values, vectors = np.linalg.eigh(C)
        q = self.n_components
        self.components_ = vectors.T[:q]
        self.explained_variance_ = values[:q]
        self.explained_variance_ratio_ = values[:q] / values.sum()
        return self

    def transform(self, X) -> np.ndarray:
        return (np.asarray(X, dtype=float) - self.mean_) @ self.components_.T
