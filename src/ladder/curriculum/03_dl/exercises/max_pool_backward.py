"""Max-pooling and its backward pass.

``x`` is a ``Tensor`` (N, C, H, W). The forward is written for you: pad with -inf, take
every ``kernel_size`` window with the given stride, and keep its maximum; ``arg`` holds,
for each output, the flat index (0 .. kh*kw-1, row-major) of the first maximum in its
window.

Write ``backward(g)``: ``g`` has the output's shape (N, C, Ho, Wo). Each output's gradient
goes to the one input position that held its window's maximum; an input position that was
the maximum of several overlapping windows receives the sum. Remove the padding and
return a 1-tuple with the gradient of shape (N, C, H, W). The matching library function
is ``torch.nn.functional.max_pool2d``.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ladder.autograd.tensor import Tensor


def max_pool2d(x: Tensor, kernel_size: int, stride: int | None = None, padding: int = 0) -> Tensor:
    k, s, p = kernel_size, (stride or kernel_size), padding
    n, c, h, w = x.shape
    xp = np.pad(x.data, ((0, 0), (0, 0), (p, p), (p, p)), constant_values=-np.inf)
    win = sliding_window_view(xp, (k, k), axis=(2, 3))[:, :, ::s, ::s]  # (N, C, Ho, Wo, k, k)
    ho, wo = win.shape[2], win.shape[3]
    flat = win.reshape(n, c, ho, wo, k * k)
    arg = flat.argmax(axis=-1)  # (N, C, Ho, Wo)
    out = np.take_along_axis(flat, arg[..., None], axis=-1)[..., 0]

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        # TODO: window offsets (a, b) = divmod(arg, k); padded row i*s + a, column j*s + b;
        #       add g there (np.add.at handles repeats), then cut the padding off.
        raise NotImplementedError

    return Tensor._make(out, (x,), backward, "max_pool2d")
