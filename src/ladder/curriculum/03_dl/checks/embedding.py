"""Checks for the embedding exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close, expect_raises


def _weight():
    return np.random.default_rng(0).normal(size=(6, 3))


def _run(fn, idx, g):
    w = Tensor(_weight(), requires_grad=True)
    out = fn(w, idx)
    out.backward(g)
    return out.data, w.grad


def check_lookup(submitted, reference):
    """returns the rows, shape S + (d,)"""
    idx = np.array([[0, 5], [2, 2]])
    g = np.ones((2, 2, 3))
    expect_close(
        drive(submitted, _run, idx, g)[0],
        _run(reference, idx, g)[0],
        inputs={"indices": idx, "weight.shape": (6, 3)},
    )


def check_repeated_tokens(submitted, reference):
    """a token used three times receives the sum of the three gradients"""
    idx = np.array([1, 4, 1, 1])
    g = np.random.default_rng(1).normal(size=(4, 3))
    ref = _run(reference, idx, g)[1]
    once = np.zeros((6, 3))
    once[idx] = g  # what plain assignment gives: the last write wins
    expect_close(
        drive(submitted, _run, idx, g)[1],
        ref,
        what="weight.grad",
        inputs={"indices": idx, "g": g},
        mistakes=[(once, "fancy assignment keeps one write per row: use np.add.at to sum")],
    )


def check_batch_of_sequences(submitted, reference):
    """indices of shape (2, 5)"""
    idx = np.random.default_rng(2).integers(0, 6, size=(2, 5))
    g = np.random.default_rng(3).normal(size=(2, 5, 3))
    expect_close(
        drive(submitted, _run, idx, g)[1],
        _run(reference, idx, g)[1],
        what="weight.grad",
        inputs={"indices": idx},
    )


def check_out_of_range(submitted, reference):
    """an index ≥ V raises IndexError"""
    expect_raises(
        IndexError,
        submitted,
        Tensor(_weight()),
        np.array([0, 6]),
        inputs={"indices": [0, 6], "V": 6},
    )


def check_negative_index(submitted, reference):
    """a negative index raises IndexError (NumPy would silently count from the end)"""
    expect_raises(
        IndexError,
        submitted,
        Tensor(_weight()),
        np.array([2, -1]),
        inputs={"indices": [2, -1], "V": 6},
    )
