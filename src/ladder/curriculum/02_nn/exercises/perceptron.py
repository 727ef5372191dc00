"""Rosenblatt's perceptron rule (1958).

Write ``fit``. Labels may be any two values: map ``classes_[1]`` to +1 and the other to
-1. Start from ``coef_ = 0`` (one weight per feature) and ``intercept_ = 0``. In every
epoch, visit the examples in the order ``rng.permutation(n)`` if ``self.shuffle`` else
``0, 1, ..., n-1``, and on each *mistake*

    if s_i * (x_i . w + b) <= 0:      (wrong side, or exactly on the line)
        w <- w + eta * s_i * x_i
        b <- b + eta * s_i

Append the number of mistakes of the epoch to ``mistakes_per_epoch_``; stop after the
first epoch without a mistake (then ``converged_ = True``) or after ``max_epochs``.
Return ``self``. The matching library class is ``sklearn.linear_model.Perceptron``.
"""

import numpy as np

from ladder.nn.perceptron import Perceptron as _Base  # predict, score, decision_function


class Perceptron(_Base):
    def fit(self, X, y) -> "Perceptron":
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(
                f"Perceptron is a binary classifier; y has {len(self.classes_)} classes."
            )
        s = np.where(y == self.classes_[1], 1.0, -1.0)  # noqa: F841 - labels as -1/+1
        rng = np.random.default_rng(self.random_state)  # noqa: F841 - for the shuffles
        self.coef_ = np.zeros(X.shape[1])
        self.intercept_ = 0.0
        self.mistakes_per_epoch_ = []
        self.converged_ = False
        # TODO: the epochs loop described above (use self.learning_rate, self.max_epochs).
        raise NotImplementedError
