r"""A two-layer MLP's gradients written by hand, in matrix form — what autograd computes.

For a batch :math:`X` (N, d), integer labels :math:`y`, and ``Linear``-style weights
:math:`W_1` (h, d), :math:`b_1` (h,), :math:`W_2` (C, h), :math:`b_2` (C,):

.. math::

    Z_1 = X W_1^\top + b_1, \quad H = \mathrm{ReLU}(Z_1), \quad
    Z_2 = H W_2^\top + b_2, \quad P = \mathrm{softmax}(Z_2), \quad
    L = -\frac{1}{N}\sum_n \log P_{n, y_n}

and, with :math:`Y` the one-hot labels, backwards:

.. math::

    G_2 = (P - Y)/N, \quad \bar W_2 = G_2^\top H, \quad \bar b_2 = \textstyle\sum_n G_2,
    \quad G_1 = (G_2 W_2) \odot [Z_1 > 0], \quad \bar W_1 = G_1^\top X, \quad
    \bar b_1 = \textstyle\sum_n G_1

Every shape follows from the forward: a gradient has the shape of what it is the
gradient of. ``tests/nn/test_manual.py`` checks the result against ``torch.autograd``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["mlp_backward"]


def mlp_backward(
    X: ArrayLike, y: ArrayLike, W1: ArrayLike, b1: ArrayLike, W2: ArrayLike, b2: ArrayLike
) -> tuple[float, dict[str, np.ndarray]]:
    """The mean cross-entropy loss of ``ReLU`` MLP logits, and its gradients
    ``{"W1", "b1", "W2", "b2"}``, each the shape of its parameter."""
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=np.float64) for a in (X, W1, b1, W2, b2))
    y = np.asarray(y)
    N = X.shape[0]
    if X.ndim != 2 or W1.shape[1] != X.shape[1] or W2.shape[1] != W1.shape[0]:
        raise ValueError(
            f"shapes do not chain: X {X.shape}, W1 {W1.shape}, W2 {W2.shape}; expected X "
            "(N, d), W1 (h, d), W2 (C, h), as torch.nn.Linear stores them."
        )
    # forward
    Z1 = X @ W1.T + b1  # (N, h)
    H = np.maximum(Z1, 0.0)  # (N, h)
    Z2 = H @ W2.T + b2  # (N, C)
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = float(-log_p[np.arange(N), y].mean())
    # backward
    G2 = np.exp(log_p)  # softmax P
    G2[np.arange(N), y] -= 1.0
    G2 /= N  # (N, C): dL/dZ2
    GH = G2 @ W2  # (N, h): dL/dH
    G1 = GH * (Z1 > 0)  # (N, h): dL/dZ1
    grads = {"W1": G1.T @ X, "b1": G1.sum(axis=0), "W2": G2.T @ H, "b2": G2.sum(axis=0)}
    return loss, grads
