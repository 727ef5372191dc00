r"""Finite-difference gradient checking: the test every hand-written backward must pass.

For a scalar function :math:`f` and each input element :math:`x_i`, the **central
difference**

.. math:: \frac{f(x + h e_i) - f(x - h e_i)}{2h} = \frac{\partial f}{\partial x_i} + O(h^2)

approximates the derivative. In float64 with :math:`h \approx 10^{-6}` the truncation
error (:math:`\sim h^2`) and the rounding error (:math:`\sim \epsilon/h`) are both about
:math:`10^{-10}`–:math:`10^{-12}`, so analytic and numeric gradients should agree to
~1e-6 relative. Use float64: in float32, :math:`\epsilon/h` is already ~0.1.

This is ``torch.autograd.gradcheck`` in miniature.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ladder.autograd.tensor import Tensor

__all__ = ["numerical_gradient", "gradcheck"]


def numerical_gradient(
    f: Callable[..., Tensor], inputs: Sequence[Tensor], h: float = 1e-6
) -> list[np.ndarray]:
    """Central-difference gradient of ``f(*inputs).sum()`` w.r.t. every input."""
    grads = []
    for x in inputs:
        g = np.zeros_like(x.data, dtype=np.float64)
        flat = x.data.reshape(-1)  # a view: writing it perturbs x in place
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + h
            up = float(f(*inputs).data.sum())
            flat[i] = old - h
            down = float(f(*inputs).data.sum())
            flat[i] = old
            g.reshape(-1)[i] = (up - down) / (2 * h)
        grads.append(g)
    return grads


def gradcheck(
    f: Callable[..., Tensor],
    inputs: Sequence[Tensor],
    h: float = 1e-6,
    rtol: float = 1e-5,
    atol: float = 1e-7,
) -> bool:
    """Compare autograd's gradient of ``f(*inputs).sum()`` with finite differences.

    Returns True, or raises ``AssertionError`` naming the input and the worst element.
    Inputs should be float64 and ``requires_grad=True``.

    >>> x = Tensor(np.array([0.3, -1.2]), requires_grad=True)
    >>> gradcheck(lambda t: (t * t).tanh(), [x])
    True
    """
    for x in inputs:
        if x.data.dtype != np.float64:
            raise TypeError(
                f"gradcheck needs float64 inputs, got {x.data.dtype}: float32 finite "
                "differences are too noisy. Convert with Tensor(x.data.astype(np.float64))."
            )
        x.grad = None
    f(*inputs).sum().backward()
    numeric = numerical_gradient(f, inputs, h)
    for k, (x, num) in enumerate(zip(inputs, numeric, strict=True)):
        analytic = x.grad if x.grad is not None else np.zeros_like(num)
        if not np.allclose(analytic, num, rtol=rtol, atol=atol):
            err = np.abs(analytic - num)
            i = np.unravel_index(np.argmax(err), err.shape)
            raise AssertionError(
                f"gradcheck: input {k} (shape {x.shape}) at index {tuple(map(int, i))}: "
                f"autograd {analytic[i]:.8g} vs finite difference {num[i]:.8g}. "
                "The backward function of an operation used here is wrong."
            )
    return True
