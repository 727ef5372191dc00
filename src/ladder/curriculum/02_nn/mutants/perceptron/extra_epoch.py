# mutant: runs max_epochs + 1 epochs
import numpy as np

from ladder.nn.perceptron import Perceptron as _Base


class Perceptron(_Base):
    def fit(self, X, y) -> "Perceptron":
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError("Perceptron is a binary classifier.")
        s = np.where(y == self.classes_[1], 1.0, -1.0)
        rng = np.random.default_rng(self.random_state)
        self.coef_ = np.zeros(X.shape[1])
        self.intercept_ = 0.0
        self.mistakes_per_epoch_ = []
        self.converged_ = False
        for _ in range(self.max_epochs + 1):
            order = rng.permutation(len(X)) if self.shuffle else np.arange(len(X))
            mistakes = 0
            for i in order:
                if s[i] * (X[i] @ self.coef_ + self.intercept_) <= 0:
                    self.coef_ = self.coef_ + self.learning_rate * s[i] * X[i]
                    self.intercept_ = self.intercept_ + self.learning_rate * s[i]
                    mistakes += 1
            self.mistakes_per_epoch_.append(mistakes)
            if mistakes == 0:
                self.converged_ = True
                break
        return self
