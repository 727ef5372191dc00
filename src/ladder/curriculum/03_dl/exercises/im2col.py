"""im2col: every patch a convolution visits, as one row of a matrix.

``x`` has shape (N, C, H, W). Pad H and W with ``padding = (ph, pw)`` zeros on each side,
then slide a ``kernel = (kh, kw)`` window with ``stride = (sh, sw)``. With
Ho = (H + 2 ph - kh) // sh + 1 and Wo likewise, return the matrix of shape
(N * Ho * Wo, C * kh * kw):

    row    (n, i, j)  in that order (n slowest): the window at output position (i, j) of image n
    column (c, a, b)  in that order: x_padded[n, c, i*sh + a, j*sw + b]

so that ``im2col(x, ...) @ weight.reshape(F, -1).T`` is the convolution (rows in (n, i, j)
order). Loops are fine; ``np.lib.stride_tricks.sliding_window_view`` avoids them.
"""

import numpy as np


def im2col(
    x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], padding: tuple[int, int]
) -> np.ndarray:
    # TODO
    raise NotImplementedError
