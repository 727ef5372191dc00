"""Losses equal ``torch.nn.functional``'s in value and gradient (one helper per module).

Tolerance, derived per case (:mod:`tests.tolerance`): the first-order rounding bound of the
loss and of its gradient from their exact float64 Jacobians (``n·eps·Σ|terms|``, a mean
over the batch being such a sum), plus ``ELEMENTWISE_ULPS·eps`` relative for ``log``/``exp``,
plus a few ulps of the intermediates that cancel: the log-sum-exp ``m + log Σ e^{z−m}`` and
the target logit it is subtracted from (each of the size of the logits, so ~3000 for the
"huge logits" case, where the loss of a confident row is that difference ≈ 0), and the
gradient's ``p − onehot`` (or ``σ − y``) with ``p ≈ 1``.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import ladder.nn as nn
from ladder.autograd import Tensor
from tests.tolerance import INTERMEDIATE_ULPS, assert_close, eps, linearized_atol, rtol_for


def check_loss(ours_fn, torch_fn, pred, target, dtype, intermediates=None):
    """``intermediates(pred)`` gives the size of the cancelling intermediates of the loss
    and of each element of its gradient (see the module docstring)."""
    pred = pred.astype(dtype)
    po = Tensor(pred.copy(), requires_grad=True)
    pt = torch.tensor(pred.copy(), requires_grad=True)
    lo, lt = ours_fn(po, target), torch_fn(pt, torch.as_tensor(target))
    lo.backward(), lt.backward()
    assert lo.dtype == dtype
    tt = torch.as_tensor(target.astype(np.float64) if target.dtype.kind == "f" else target)
    atol_loss, (atol_grad,) = linearized_atol(lambda p: torch_fn(p, tt), [pred], np.ones(()), dtype)
    if intermediates is not None:
        size_loss, size_grad = intermediates(pred.astype(np.float64))
        atol_loss = atol_loss + INTERMEDIATE_ULPS * eps(dtype) * size_loss
        atol_grad = atol_grad + INTERMEDIATE_ULPS * eps(dtype) * size_grad
    rtol = rtol_for(dtype)
    assert_close(lo.item(), lt.item(), atol=atol_loss, rtol=rtol, err_msg="loss")
    assert_close(po.grad, pt.grad.numpy(), atol=atol_grad, rtol=rtol, err_msg="gradient")


def softmax_intermediates(classes):
    """Cross-entropy: the loss forms lse(z) and z_y (each up to max|z| + log C) per row;
    the gradient (p − onehot)/N forms p and 1, each at most 1, per element."""

    def sizes(z):
        n, c = z.shape
        row = np.abs(z).max(axis=1) + np.log(c) + np.abs(z[np.arange(n), classes])
        return row.mean(), np.full(z.shape, 2.0 / n)

    return sizes


DTYPES = pytest.mark.parametrize("dtype", [np.float64, np.float32])
# Each test draws from its own generator: inputs never depend on which tests ran before.
_data = np.random.default_rng(0)
LOGITS = _data.normal(scale=3, size=(16, 7))
CLASSES = _data.integers(0, 7, size=16)


@DTYPES
def test_mse(dtype):
    rng = np.random.default_rng(1)
    check_loss(
        nn.mse_loss,
        F.mse_loss,
        rng.normal(size=(8, 3)),
        rng.normal(size=(8, 3)).astype(dtype),
        dtype,
    )


@DTYPES
def test_cross_entropy_from_logits(dtype):
    check_loss(
        nn.cross_entropy, F.cross_entropy, LOGITS, CLASSES, dtype, softmax_intermediates(CLASSES)
    )


@DTYPES
def test_cross_entropy_is_stable_for_huge_logits(dtype):
    big = LOGITS * 1000
    check_loss(
        nn.cross_entropy, F.cross_entropy, big, CLASSES, dtype, softmax_intermediates(CLASSES)
    )


@DTYPES
def test_nll_on_log_softmax(dtype):
    check_loss(
        lambda z, y: nn.nll_loss(z.log_softmax(-1), y),
        lambda z, y: F.nll_loss(torch.log_softmax(z, -1), y),
        LOGITS,
        CLASSES,
        dtype,
        softmax_intermediates(CLASSES),
    )


@DTYPES
def test_bce_with_logits(dtype):
    rng = np.random.default_rng(2)
    target = (rng.random((10, 2)) > 0.5).astype(dtype)

    def intermediates(z):
        # max(z, 0) − z·y cancels (size |z|); the gradient (σ − y)/N forms σ and y (≤ 1)
        return np.abs(z).mean(), np.full(z.shape, 2.0 / z.size)

    check_loss(
        nn.binary_cross_entropy_with_logits,
        F.binary_cross_entropy_with_logits,
        rng.normal(scale=30, size=(10, 2)),
        target,
        dtype,
        intermediates,
    )


def test_bad_targets_explain_themselves():
    z = Tensor(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"target classes span \[0, 3\] but there are 3"):
        nn.cross_entropy(z, np.array([0, 1, 2, 3]))
    with pytest.raises(ValueError, match="one-hot"):
        nn.cross_entropy(z, np.eye(3)[[0, 1, 2, 0]].astype(int))
    with pytest.raises(ValueError, match=r"mse_loss: prediction shape \(4, 3\) and target"):
        nn.mse_loss(z, np.zeros(4))
