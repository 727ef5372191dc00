"""Checks for the im2col exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_shape


def _x(shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape)


def check_tiny(submitted, reference):
    """one 1×3×3 image, 2×2 kernel: 4 patches of 4 pixels"""
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    args = ((2, 2), (1, 1), (0, 0))
    expect_close(
        submitted(x, *args),
        reference(x, *args),
        inputs={"x": x[0, 0], "kernel": (2, 2), "stride": (1, 1), "padding": (0, 0)},
        mistakes=[(reference(x, *args).T, "one row per patch, one column per pixel of the patch")],
    )


def check_shape(submitted, reference):
    """(N·Ho·Wo, C·kh·kw) for N=2, C=3, 5×6 images, 3×2 kernel, stride (2, 1), padding (1, 0)"""
    x = _x((2, 3, 5, 6))
    args = ((3, 2), (2, 1), (1, 0))
    expect_shape(
        submitted(x, *args),
        reference(x, *args).shape,
        inputs={"x.shape": x.shape, "kernel": (3, 2), "stride": (2, 1), "padding": (1, 0)},
    )


def check_values(submitted, reference):
    """the same patches, in (n, i, j) rows and (c, a, b) columns"""
    x = _x((2, 3, 5, 6), 1)
    args = ((3, 2), (2, 1), (1, 0))
    expect_close(
        submitted(x, *args),
        reference(x, *args),
        inputs={"x.shape": x.shape, "kernel": (3, 2), "stride": (2, 1), "padding": (1, 0)},
    )


def check_convolution(submitted, reference):
    """cols @ Wᵀ reproduces a direct convolution"""
    x = _x((1, 2, 4, 4), 2)
    w = _x((3, 2, 3, 3), 3)
    cols = submitted(x, (3, 3), (1, 1), (1, 1))
    out = (cols @ w.reshape(3, -1).T).reshape(1, 4, 4, 3).transpose(0, 3, 1, 2)
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    direct = np.zeros((1, 3, 4, 4))
    for f in range(3):
        for i in range(4):
            for j in range(4):
                direct[0, f, i, j] = (xp[0, :, i : i + 3, j : j + 3] * w[f]).sum()
    expect_close(
        out,
        direct,
        what="the convolution computed from your columns",
        inputs="x (1, 2, 4, 4), 3 filters 3×3, padding 1",
    )
