# mutant: transform changes the caller's array in place
# likely: changed its input
import numpy as np


class StandardScaler:
    def fit(self, X) -> "StandardScaler":
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        scale = X.std(axis=0)
        scale[scale == 0] = 1.0
        self.scale_ = scale
        return self

    def transform(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=float)
        X -= self.mean_
        X /= self.scale_
        return X
