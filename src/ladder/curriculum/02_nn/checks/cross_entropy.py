"""Checks for the softmax cross-entropy exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close, expect_true


def _case(seed=0, n=4, c=5, scale=1.0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, c)) * scale, rng.integers(0, c, n)


def _grad(fn, z, y):
    t = Tensor(z.copy(), requires_grad=True)
    loss = fn(t, y)
    loss.backward()
    return float(loss.item()), t.grad


def check_example(submitted, reference):
    """z = (2, 1, 0), class 0: loss 0.408"""
    z, y = np.array([[2.0, 1.0, 0.0]]), np.array([0])
    expect_close(
        float(submitted(Tensor(z), y).item()),
        float(reference(Tensor(z), y).item()),
        inputs={"logits": z, "target": y},
        mistakes=[(0.6652409557748219, "the loss is −log of the probability, not the probability")],
    )


def check_batch_loss(submitted, reference):
    """the mean over a batch of 4"""
    z, y = _case()
    s = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    nll = -np.log(s[np.arange(4), y])
    expect_close(
        float(submitted(Tensor(z), y).item()),
        float(reference(Tensor(z), y).item()),
        inputs={"logits": z, "target": y},
        mistakes=[(nll.sum(), "average over the batch: divide by N")],
    )


def check_gradient(submitted, reference):
    """the gradient is (softmax − onehot) / N"""
    z, y = _case(1)
    got = drive(submitted, _grad, z, y)[1]
    ref = _grad(reference, z, y)[1]
    s = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    onehot = np.eye(5)[y]
    expect_close(
        got,
        ref,
        what="logits.grad",
        inputs={"logits": z, "target": y},
        mistakes=[
            (s - onehot, "divide by N: the loss is a mean over the batch"),
            ((onehot - s) / 4, "the sign: the gradient is softmax − onehot"),
            (s / 4, "subtract 1 at each row's target class"),
        ],
    )


def _upstream(fn, z, y):
    t = Tensor(z.copy(), requires_grad=True)
    (fn(t, y) * 3.0).backward()
    return t.grad


def check_upstream(submitted, reference):
    """scales the gradient by the incoming gradient (loss * 3)"""
    z, y = _case(2)
    r = _upstream(reference, z, y)
    expect_close(
        drive(submitted, _upstream, z, y),
        r,
        what="logits.grad",
        inputs="loss multiplied by 3 before backward",
        mistakes=[(r / 3, "multiply by g, the gradient arriving at the loss")],
    )


def check_large_logits(submitted, reference):
    """stays finite for logits of ±1000, whatever each row's maximum (log-sum-exp)"""
    # Rows whose maxima differ by 2000: without a shift exp(1000) overflows; subtracting
    # one global maximum leaves the last row at exp(−2000) = 0 and log(0).
    z = np.array(
        [
            [1000.0, 0.0, -1000.0, 5.0],
            [0.0, 1000.0, 999.0, -3.0],
            [-1000.0, -998.0, -1001.0, -999.0],
        ]
    )
    y = np.array([0, 2, 3])
    ref = _grad(reference, z, y)
    got = drive(submitted, _grad, z, y)
    inputs = {"logits": z, "target": y}
    expect_true(
        bool(np.isfinite(got[0])) and bool(np.all(np.isfinite(got[1]))),
        f"the loss ({got[0]}) or its gradient is not finite",
        inputs=inputs,
        misconception="exp(±1000) overflows or underflows: subtract each row's own maximum "
        "(z.max(axis=1, keepdims=True)) before exp, not one global maximum",
    )
    expect_close(got[0], ref[0], what="the loss", inputs=inputs)
    expect_close(got[1], ref[1], what="logits.grad", inputs=inputs)
