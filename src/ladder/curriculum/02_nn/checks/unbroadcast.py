"""Checks for the unbroadcast exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def _grad(shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape)


def check_same_shape(submitted, reference):
    """returns the gradient unchanged when no broadcasting happened"""
    g = _grad((2, 3))
    expect_close(submitted(g, (2, 3)), g, inputs={"grad.shape": (2, 3), "shape": (2, 3)})


def check_bias(submitted, reference):
    """a bias (3,) added to (4, 3): sums over the batch axis"""
    g = _grad((4, 3))
    expect_close(
        submitted(g, (3,)),
        reference(g, (3,)),
        inputs={"grad": g, "shape": (3,)},
        mistakes=[
            (g.mean(axis=0), "sum the copies' gradients, do not average them"),
            (g.sum(axis=1), "sum over the leading axis that broadcasting added (axis 0)"),
            (g, "sum away the leading axes broadcasting added (axis 0 here)"),
        ],
    )


def check_keepdims(submitted, reference):
    """a column (4, 1) stretched to (4, 3): sums over axis 1, keeping it"""
    g = _grad((4, 3), 1)
    expect_close(
        submitted(g, (4, 1)),
        reference(g, (4, 1)),
        inputs={"grad": g, "shape": (4, 1)},
        mistakes=[
            (g.sum(axis=1), "keep the size-1 axis: sum(axis=1, keepdims=True)"),
            (g, "also sum over the axes where shape has 1 but grad does not"),
        ],
    )


def check_both(submitted, reference):
    """(3, 1) broadcast to (2, 5, 3, 4): a new leading axis, an added one and a stretched one"""
    g = _grad((2, 5, 3, 4), 2)
    expect_close(
        submitted(g, (3, 1)),
        reference(g, (3, 1)),
        inputs={"grad.shape": (2, 5, 3, 4), "shape": (3, 1)},
    )


def check_scalar(submitted, reference):
    """a scalar () broadcast to (2, 3) receives the sum of everything"""
    g = _grad((2, 3), 3)
    expect_close(np.asarray(submitted(g, ())), reference(g, ()), inputs={"grad": g, "shape": ()})


def check_middle_one(submitted, reference):
    """(5, 1, 2) stretched to (5, 4, 2): only the middle axis is summed"""
    g = _grad((5, 4, 2), 4)
    expect_close(
        submitted(g, (5, 1, 2)),
        reference(g, (5, 1, 2)),
        inputs={"grad.shape": (5, 4, 2), "shape": (5, 1, 2)},
    )
