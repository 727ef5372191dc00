"""Losses equal ``torch.nn.functional``'s in value and gradient (one helper per module).

Tolerance: float64 rtol 1e-9 / atol 1e-12 (same formulas, different summation order);
float32 rtol 1e-5 / atol 1e-6 (float32 epsilon 1.2e-7 times short sums and log/exp).
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import ladder.nn as nn
from ladder.autograd import Tensor

TOL = {np.float64: (1e-9, 1e-12), np.float32: (1e-5, 1e-6)}


def check_loss(ours_fn, torch_fn, pred, target, dtype):
    rtol, atol = TOL[dtype]
    po = Tensor(pred.astype(dtype), requires_grad=True)
    pt = torch.tensor(pred.astype(dtype), requires_grad=True)
    lo, lt = ours_fn(po, target), torch_fn(pt, torch.as_tensor(target))
    lo.backward(), lt.backward()
    assert lo.dtype == dtype
    np.testing.assert_allclose(lo.item(), lt.item(), rtol=rtol, atol=atol)
    np.testing.assert_allclose(po.grad, pt.grad.numpy(), rtol=rtol, atol=atol)


DTYPES = pytest.mark.parametrize("dtype", [np.float64, np.float32])
rng = np.random.default_rng(0)
LOGITS = rng.normal(scale=3, size=(16, 7))
CLASSES = rng.integers(0, 7, size=16)


@DTYPES
def test_mse(dtype):
    check_loss(
        nn.mse_loss,
        F.mse_loss,
        rng.normal(size=(8, 3)),
        rng.normal(size=(8, 3)).astype(dtype),
        dtype,
    )


@DTYPES
def test_cross_entropy_from_logits(dtype):
    check_loss(nn.cross_entropy, F.cross_entropy, LOGITS, CLASSES, dtype)


@DTYPES
def test_cross_entropy_is_stable_for_huge_logits(dtype):
    check_loss(nn.cross_entropy, F.cross_entropy, LOGITS * 1000, CLASSES, dtype)


@DTYPES
def test_nll_on_log_softmax(dtype):
    check_loss(
        lambda z, y: nn.nll_loss(z.log_softmax(-1), y),
        lambda z, y: F.nll_loss(torch.log_softmax(z, -1), y),
        LOGITS,
        CLASSES,
        dtype,
    )


@DTYPES
def test_bce_with_logits(dtype):
    target = (rng.random((10, 2)) > 0.5).astype(dtype)
    check_loss(
        nn.binary_cross_entropy_with_logits,
        F.binary_cross_entropy_with_logits,
        rng.normal(scale=30, size=(10, 2)),
        target,
        dtype,
    )


def test_bad_targets_explain_themselves():
    z = Tensor(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"target classes span \[0, 3\] but there are 3"):
        nn.cross_entropy(z, np.array([0, 1, 2, 3]))
    with pytest.raises(ValueError, match="one-hot"):
        nn.cross_entropy(z, np.eye(3)[[0, 1, 2, 0]].astype(int))
    with pytest.raises(ValueError, match=r"mse_loss: prediction shape \(4, 3\) and target"):
        nn.mse_loss(z, np.zeros(4))
