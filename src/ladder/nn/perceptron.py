r"""Rosenblatt's perceptron (1958), its limits, and the two-layer network that passes them.

The perceptron predicts :math:`\hat y = \operatorname{sign}(w\cdot x + b)` with labels
:math:`y \in \{-1, +1\}`, and learns only from mistakes:

.. math:: \text{if } y_i (w\cdot x_i + b) \le 0: \quad w \leftarrow w + \eta\, y_i x_i,
          \quad b \leftarrow b + \eta\, y_i .

**Convergence theorem** (Novikoff 1962): if some unit vector :math:`u` separates the data
with margin :math:`\gamma` (:math:`y_i\,u\cdot x_i \ge \gamma`) and :math:`\|x_i\| \le R`,
the rule makes at most :math:`(R/\gamma)^2` mistakes. **XOR** is not linearly separable,
so the rule never stops making mistakes there (Minsky & Papert 1969).

A hidden layer fixes that: :func:`train_xor_mlp` trains a 2-2-1 tanh network with
:mod:`ladder.nn` and backpropagation. ``sklearn.linear_model.Perceptron`` implements the
same rule; the tests compare mistakes-free convergence and predictions.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ladder.autograd.tensor import Tensor
from ladder.nn import init
from ladder.nn.layers import Linear, Tanh
from ladder.nn.losses import binary_cross_entropy_with_logits
from ladder.nn.module import Sequential
from ladder.nn.optim import Adam

__all__ = ["Perceptron", "XOR_X", "XOR_Y", "train_xor_mlp"]

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


class Perceptron:
    """Rosenblatt's mistake-driven linear classifier (scikit-learn style estimator).

    Labels may be any two values; they are mapped to -1/+1 internally. After ``fit``,
    ``converged_`` says whether an epoch passed with no mistakes and
    ``mistakes_per_epoch_`` records the learning curve.
    """

    def __init__(
        self, learning_rate: float = 1.0, max_epochs: int = 100, shuffle: bool = True,
        random_state: int | None = 0,
    ) -> None:  # fmt: skip
        self.learning_rate = learning_rate
        self.max_epochs = max_epochs
        self.shuffle = shuffle
        self.random_state = random_state

    def fit(self, X: ArrayLike, y: ArrayLike) -> Perceptron:
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(
                f"Perceptron is a binary classifier; y has {len(self.classes_)} classes "
                f"{self.classes_[:5]}. Use one-vs-rest or a softmax model for more."
            )
        s = np.where(y == self.classes_[1], 1.0, -1.0)
        rng = np.random.default_rng(self.random_state)
        self.coef_ = np.zeros(X.shape[1])
        self.intercept_ = 0.0
        self.mistakes_per_epoch_: list[int] = []
        self.converged_ = False
        for _ in range(self.max_epochs):
            order = rng.permutation(len(X)) if self.shuffle else np.arange(len(X))
            mistakes = 0
            for i in order:
                if s[i] * (X[i] @ self.coef_ + self.intercept_) <= 0:  # wrong (or on the line)
                    self.coef_ += self.learning_rate * s[i] * X[i]
                    self.intercept_ += self.learning_rate * s[i]
                    mistakes += 1
            self.mistakes_per_epoch_.append(mistakes)
            if mistakes == 0:
                self.converged_ = True
                break
        return self

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        if not hasattr(self, "coef_"):
            raise RuntimeError("This Perceptron is not fitted yet: call fit(X, y) first.")
        return np.asarray(X, dtype=np.float64) @ self.coef_ + self.intercept_

    def predict(self, X: ArrayLike) -> np.ndarray:
        return np.where(self.decision_function(X) > 0, self.classes_[1], self.classes_[0])

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        return float((self.predict(X) == np.asarray(y)).mean())


def train_xor_mlp(
    hidden: int = 4, epochs: int = 500, lr: float = 0.05, seed: int = 0
) -> tuple[Sequential, list[float]]:
    """Fit a 2-``hidden``-1 tanh network to XOR with BCE-with-logits and Adam.

    Returns the model (its outputs are logits) and the loss per epoch.
    """
    init.manual_seed(seed)
    f64 = np.float64
    model = Sequential(Linear(2, hidden, dtype=f64), Tanh(), Linear(hidden, 1, dtype=f64))
    opt = Adam(model.parameters(), lr=lr)
    x, y = Tensor(XOR_X), XOR_Y.reshape(-1, 1).astype(np.float64)
    losses = []
    for _ in range(epochs):
        loss = binary_cross_entropy_with_logits(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return model, losses
