"""Checks for the dropout exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close, expect_raises, expect_true


def _x(shape=(4, 5), seed=0):
    return np.random.default_rng(seed).normal(size=shape)


def check_eval_identity(submitted, reference):
    """in evaluation mode the input passes through unchanged"""
    x = _x()
    got = submitted(Tensor(x), 0.5, training=False)
    expect_close(
        got.data,
        x,
        rtol=0,
        atol=0,
        inputs={"p": 0.5, "training": False},
        mistakes=[(x * 0.5, "inverted dropout needs no scaling at evaluation: return x")],
    )


def check_given_mask(submitted, reference):
    """with a given mask: zeros where dropped, x / (1 − p) where kept"""
    x = _x()
    mask = np.random.default_rng(1).random(x.shape) >= 0.25
    got = submitted(Tensor(x), 0.25, mask=mask).data
    expect_close(
        got,
        x * mask / 0.75,
        inputs={"p": 0.25, "mask": mask.astype(int)},
        mistakes=[
            (x * mask, "scale the survivors by 1 / (1 − p)"),
            (x * ~mask / 0.75, "mask is True where the element is KEPT"),
        ],
    )


def _masked_grad(fn, x, mask):
    t = Tensor(x.copy(), requires_grad=True)
    fn(t, 0.5, mask=mask).sum().backward()
    return t.grad


def check_backward(submitted, reference):
    """the gradient is the same mask, scaled"""
    x = _x()
    mask = np.random.default_rng(2).random(x.shape) >= 0.5
    expect_close(
        drive(submitted, _masked_grad, x, mask),
        mask / 0.5,
        what="x.grad",
        inputs={"p": 0.5, "mask": mask.astype(int)},
        mistakes=[(mask.astype(float), "the backward scales by 1 / (1 − p) too")],
    )


def check_random_mask(submitted, reference):
    """draws the mask as rng.random(shape) >= p"""
    x = _x((50, 40))
    got = submitted(Tensor(x), 0.3, rng=np.random.default_rng(5)).data
    ref = reference(Tensor(x), 0.3, rng=np.random.default_rng(5)).data
    expect_close(
        got,
        ref,
        inputs="x (50, 40), p = 0.3, rng = default_rng(5)",
        mistakes=[
            (
                x * (np.random.default_rng(5).random(x.shape) < 0.3) / 0.7,
                "keep where rng.random(shape) >= p (you kept where it is < p)",
            )
        ],
    )
    share = float((got == 0).mean())
    expect_true(
        abs(share - 0.3) < 0.05,
        f"{share:.1%} of the elements were dropped, expected about 30%",
        inputs="x (50, 40), p = 0.3",
    )


def check_p_zero_and_invalid(submitted, reference):
    """p = 0 returns x; p = 1 raises ValueError"""
    x = _x()
    expect_close(submitted(Tensor(x), 0.0).data, x, inputs={"p": 0.0, "training": True})
    expect_raises(ValueError, submitted, Tensor(x), 1.0, inputs={"p": 1.0})
