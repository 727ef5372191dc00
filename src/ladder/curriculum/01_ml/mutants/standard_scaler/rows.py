# mutant: statistics per row (axis=1) instead of per column
# likely: per column
import numpy as np


class StandardScaler:
    def fit(self, X) -> "StandardScaler":
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=1)
        scale = X.std(axis=1)
        scale[scale == 0] = 1.0
        self.scale_ = scale
        return self

    def transform(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=float)
        return (X - self.mean_[:, None]) / self.scale_[:, None]
