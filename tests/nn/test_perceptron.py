"""The perceptron equals scikit-learn's on the same data and order; XOR defeats it and a
two-layer network solves it."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import make_blobs
from sklearn.linear_model import Perceptron as SkPerceptron

from ladder.nn.perceptron import XOR_X, XOR_Y, Perceptron, train_xor_mlp


def separable(seed=0):
    X, y = make_blobs(n_samples=80, centers=[[-2, -2], [2, 2]], cluster_std=0.8, random_state=seed)
    return X, y


@pytest.mark.parametrize("epochs", [1, 3, 10])
def test_same_weights_as_sklearn_after_each_number_of_epochs(epochs):
    """sklearn's Perceptron (eta0=1, no penalty, no shuffling, tol=None) applies the same
    update w += y x on every margin <= 0, in the same order: weights agree to rounding
    (rtol 1e-12: identical float64 additions)."""
    X, y = separable()
    ours = Perceptron(max_epochs=epochs, shuffle=False).fit(X, y)
    theirs = SkPerceptron(eta0=1.0, max_iter=epochs, tol=None, shuffle=False).fit(X, y)
    np.testing.assert_allclose(ours.coef_, theirs.coef_[0], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ours.intercept_, theirs.intercept_[0], rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(ours.predict(X), theirs.predict(X))


def test_converges_on_separable_data_within_novikoff_bound():
    X, y = separable(1)
    p = Perceptron(max_epochs=100).fit(X, y)
    assert p.converged_ and p.score(X, y) == 1.0
    # Novikoff: at most (R/gamma)^2 mistakes for any separator u with margin gamma
    # (with the bias folded in as a constant feature 1).
    Xb = np.hstack([X, np.ones((len(X), 1))])
    u = np.append(p.coef_, p.intercept_)
    u /= np.linalg.norm(u)
    s = np.where(y == p.classes_[1], 1, -1)
    gamma, R = (s * (Xb @ u)).min(), np.linalg.norm(Xb, axis=1).max()
    assert gamma > 0
    assert sum(p.mistakes_per_epoch_) <= (R / gamma) ** 2


def test_fails_on_xor():
    p = Perceptron(max_epochs=200).fit(XOR_X, XOR_Y)
    assert not p.converged_
    assert min(p.mistakes_per_epoch_) >= 1  # every epoch makes a mistake
    assert p.score(XOR_X, XOR_Y) <= 0.75  # no line gets all four right


def test_two_layer_network_solves_xor():
    model, losses = train_xor_mlp()
    from ladder.autograd import Tensor

    pred = (model(Tensor(XOR_X)).data.ravel() > 0).astype(int)
    np.testing.assert_array_equal(pred, XOR_Y)
    assert losses[-1] < 0.05 < losses[0]
