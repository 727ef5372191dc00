"""Checks for the im2col exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_shape


def _x(shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape)


def check_tiny(submitted, reference):
    """one 1×3×4 image, 2×2 kernel: 6 patches of 4 pixels"""
    x = np.arange(12.0).reshape(1, 1, 3, 4)  # not square: a transposed result cannot pass
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


def _reordered(ref, n, ho, wo, c, kh, kw, rows, cols):
    """``ref`` with its rows and columns in another order (a known mistake)."""
    full = ref.reshape(n, ho, wo, c, kh, kw).transpose(*rows, *(3 + i for i in cols))
    return full.reshape(n * ho * wo, c * kh * kw)


def check_values(submitted, reference):
    """the same patches, in (n, i, j) rows and (c, a, b) columns"""
    x = _x((2, 3, 5, 6), 1)
    args = ((3, 2), (2, 1), (1, 0))
    want = reference(x, *args)  # every size differs: N=2, C=3, Ho=3, Wo=5, kh=3, kw=2
    dims = (2, 3, 5, 3, 3, 2)
    expect_close(
        submitted(x, *args),
        want,
        inputs={"x.shape": x.shape, "kernel": (3, 2), "stride": (2, 1), "padding": (1, 0)},
        mistakes=[
            (
                _reordered(want, *dims, (0, 1, 2), (1, 2, 0)),
                "columns go channel first, then the window row, then its column: (c, a, b)",
            ),
            (
                _reordered(want, *dims, (0, 1, 2), (0, 2, 1)),
                "the window row a before its column b: (c, a, b), not (c, b, a)",
            ),
            (
                _reordered(want, *dims, (1, 2, 0), (0, 1, 2)),
                "rows go in (n, i, j) order: all of image 0's patches first",
            ),
        ],
    )


def check_convolution(submitted, reference):
    """cols @ Wᵀ reproduces a direct convolution"""
    x = _x((1, 2, 4, 4), 2)
    w = _x((3, 2, 3, 3), 3)
    cols = submitted(x, (3, 3), (1, 1), (1, 1))
    expect_shape(cols, (16, 18), inputs="x (1, 2, 4, 4), kernel (3, 3), padding (1, 1)")
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
