"""Checks for the max-pool backward exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import drive, expect_close


def _run(fn, x, g, *args):
    t = Tensor(x.copy(), requires_grad=True)
    out = fn(t, *args)
    out.backward(g)
    return out.data, t.grad


def _case(shape, out_shape, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(size=shape), rng.normal(size=out_shape)


def check_forward_kept(submitted, reference):
    """the forward (given) still matches"""
    x, g = _case((1, 1, 4, 4), (1, 1, 2, 2), 0)
    expect_close(
        drive(submitted, _run, x, g, 2)[0],
        _run(reference, x, g, 2)[0],
        inputs="x (1, 1, 4, 4), 2×2 windows",
    )


def check_non_overlapping(submitted, reference):
    """2×2 windows, stride 2: each gradient lands on its window's maximum"""
    x, g = _case((2, 3, 4, 6), (2, 3, 2, 3), 1)
    ref = _run(reference, x, g, 2)[1]
    spread = np.repeat(np.repeat(g, 2, axis=2), 2, axis=3) / 4
    expect_close(
        drive(submitted, _run, x, g, 2)[1],
        ref,
        what="x.grad",
        inputs="x (2, 3, 4, 6), kernel 2",
        mistakes=[
            (spread, "that is average pooling's backward: send everything to the maximum"),
            (spread * 4, "only the maximum's position receives the gradient"),
        ],
    )


def _assigned(x, g, k, s):
    """What ``gx[rows, cols] += g`` gives (no padding): one write per repeated position."""
    n, c, h, w = x.shape
    ho, wo = g.shape[2:]
    gx = np.zeros(x.shape)
    for i in range(ho):
        for j in range(wo):
            win = x[:, :, i * s : i * s + k, j * s : j * s + k].reshape(n, c, k * k)
            a, b = np.divmod(win.argmax(-1), k)
            for ni in range(n):
                for ci in range(c):
                    gx[ni, ci, i * s + a[ni, ci], j * s + b[ni, ci]] = g[ni, ci, i, j]
    return gx


def check_overlapping(submitted, reference):
    """3×3 windows with stride 1 overlap: a pixel that is the maximum of several adds them up"""
    x, g = _case((1, 2, 5, 5), (1, 2, 3, 3), 2)
    want = _run(reference, x, g, 3, 1)[1]
    expect_close(
        drive(submitted, _run, x, g, 3, 1)[1],
        want,
        what="x.grad",
        inputs="x (1, 2, 5, 5), kernel 3, stride 1",
        mistakes=[
            (
                _assigned(x, g, 3, 1),
                "indexing with += writes a repeated position once: use np.add.at to sum",
            )
        ],
    )


def check_padding(submitted, reference):
    """kernel 3, stride 2, padding 1: the gradient has the unpadded shape"""
    x, g = _case((2, 1, 5, 5), (2, 1, 3, 3), 3)
    expect_close(
        drive(submitted, _run, x, g, 3, 2, 1)[1],
        _run(reference, x, g, 3, 2, 1)[1],
        what="x.grad",
        inputs="x (2, 1, 5, 5), kernel 3, stride 2, padding 1",
    )


def check_ties(submitted, reference):
    """an all-zero window (after a ReLU) sends its gradient to its first position only"""
    x = np.zeros((1, 1, 2, 2))
    g = np.ones((1, 1, 1, 1))
    expect_close(
        drive(submitted, _run, x, g, 2)[1],
        _run(reference, x, g, 2)[1],
        what="x.grad",
        inputs={"x": x[0, 0], "kernel": 2},
        mistakes=[
            (
                np.ones((1, 1, 2, 2)),
                "on ties only the first maximum (row-major) receives the gradient",
            )
        ],
    )
