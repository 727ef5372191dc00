"""Finite-difference gradients: the reference every backward function is checked against.

For each input tensor ``x`` in ``inputs`` and each of its elements x_i, perturb the
element in place and use the central difference of F = f(*inputs).data.sum():

    dF/dx_i  ~  (F(x_i + h) - F(x_i - h)) / (2 h)

Restore x_i afterwards. Return one float64 array per input, of that input's shape.
Hint: ``x.data.reshape(-1)`` is a *view* of a contiguous array: writing into it changes
``x``. The matching library function is ``torch.autograd.gradcheck``'s numerical part.
"""

import numpy as np

from ladder.autograd.tensor import Tensor


def numerical_gradient(f, inputs: list[Tensor], h: float = 1e-6) -> list[np.ndarray]:
    # TODO: for each x, for each flat index i: up, down, restore; g[i] = (up - down) / (2h)
    raise NotImplementedError
