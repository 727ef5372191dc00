r"""Loss functions (averaged over the batch, ``reduction="mean"``, as in ``torch.nn``).

* **MSE**: :math:`\frac1n\sum (\hat y - y)^2`.
* **NLL** on log-probabilities: :math:`-\frac1N\sum_i \log p_{i, y_i}`.
* **Cross-entropy from logits** = log-softmax, then NLL. Together their gradient is
  simply :math:`(\operatorname{softmax}(z) - \text{onehot}(y))/N` — the fused form.
* **BCE with logits**: :math:`\frac1n\sum \max(z,0) - zy + \log(1+e^{-|z|})`, which equals
  :math:`-[y\log\sigma(z) + (1-y)\log(1-\sigma(z))]` but never takes the log of 0; its
  gradient is :math:`(\sigma(z) - y)/n`.

Each matches ``torch.nn.functional`` (``mse_loss``, ``nll_loss``, ``cross_entropy``,
``binary_cross_entropy_with_logits``) in value and gradient; see ``tests/nn/test_losses.py``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ladder.autograd.tensor import Tensor, as_tensor
from ladder.nn.module import Module

__all__ = [
    "class_targets",
    "mse_loss",
    "nll_loss",
    "cross_entropy",
    "binary_cross_entropy_with_logits",
    "MSELoss",
    "NLLLoss",
    "CrossEntropyLoss",
    "BCEWithLogitsLoss",
]


def _check_same_shape(pred: Tensor, target: Tensor, name: str) -> None:
    if pred.shape != target.shape:
        raise ValueError(
            f"{name}: prediction shape {pred.shape} and target shape {target.shape} differ. "
            "Reshape the target (e.g. y.reshape(-1, 1)) so that they match."
        )


def class_targets(logits: Tensor, target: ArrayLike | Tensor, name: str) -> np.ndarray:
    """``target`` as an ``(N,)`` array of integer classes for ``logits`` of shape ``(N, C)``.

    Raises a ``ValueError`` naming the loss ``name`` for a wrong shape (one-hot rows, say)
    or a class outside ``0..C-1``, and a ``TypeError`` for non-integer targets.
    """
    y = np.asarray(target.data if isinstance(target, Tensor) else target)
    if logits.ndim != 2 or y.shape != (logits.shape[0],):
        raise ValueError(
            f"{name}: expected input (N, n_classes) and integer targets (N,), got input "
            f"{logits.shape} and targets {y.shape}. Pass class indices, not one-hot rows."
        )
    if not np.issubdtype(y.dtype, np.integer):
        raise TypeError(f"{name}: targets must be integer class indices, got {y.dtype}.")
    if y.size and (y.min() < 0 or y.max() >= logits.shape[1]):
        raise ValueError(
            f"{name}: target classes span [{y.min()}, {y.max()}] but there are "
            f"{logits.shape[1]} classes. Check the number of outputs of the last layer."
        )
    return y


def mse_loss(pred: Tensor, target: ArrayLike | Tensor) -> Tensor:
    """Mean squared error (``torch.nn.functional.mse_loss``)."""
    target = as_tensor(target, dtype=pred.dtype)
    _check_same_shape(pred, target, "mse_loss")
    diff = pred - target
    return (diff * diff).mean()


def nll_loss(log_probs: Tensor, target: ArrayLike | Tensor) -> Tensor:
    """Negative log-likelihood of the target classes (``torch.nn.functional.nll_loss``)."""
    y = class_targets(log_probs, target, "nll_loss")
    return -log_probs[np.arange(len(y)), y].mean()


def cross_entropy(logits: Tensor, target: ArrayLike | Tensor) -> Tensor:
    """Softmax cross-entropy from raw scores, fused (``torch.nn.functional.cross_entropy``)."""
    y = class_targets(logits, target, "cross_entropy")
    z = logits.data
    shifted = z - z.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = len(y)
    loss = -log_probs[np.arange(n), y].mean()

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        grad = np.exp(log_probs)  # softmax
        grad[np.arange(n), y] -= 1.0
        return (grad * (g / n),)

    return Tensor._make(np.asarray(loss, dtype=z.dtype), (logits,), backward, "cross_entropy")


def binary_cross_entropy_with_logits(logits: Tensor, target: ArrayLike | Tensor) -> Tensor:
    """Stable sigmoid + binary cross-entropy
    (``torch.nn.functional.binary_cross_entropy_with_logits``)."""
    t = as_tensor(target, dtype=logits.dtype)
    _check_same_shape(logits, t, "binary_cross_entropy_with_logits")
    z, y = logits.data, t.data
    loss = (np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))).mean()

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        e = np.exp(-np.abs(z))  # σ(z) without overflow, and accurate where it is tiny
        sig = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return ((sig - y) * (g / z.size),)

    return Tensor._make(np.asarray(loss, dtype=z.dtype), (logits,), backward, "bce_with_logits")


class MSELoss(Module):
    def forward(self, pred: Tensor, target: ArrayLike | Tensor) -> Tensor:
        return mse_loss(pred, target)


class NLLLoss(Module):
    def forward(self, log_probs: Tensor, target: ArrayLike | Tensor) -> Tensor:
        return nll_loss(log_probs, target)


class CrossEntropyLoss(Module):
    def forward(self, logits: Tensor, target: ArrayLike | Tensor) -> Tensor:
        return cross_entropy(logits, target)


class BCEWithLogitsLoss(Module):
    def forward(self, logits: Tensor, target: ArrayLike | Tensor) -> Tensor:
        return binary_cross_entropy_with_logits(logits, target)
