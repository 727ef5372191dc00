"""Stage 2 (`nn`): automatic differentiation from scratch.

* :mod:`ladder.autograd.scalar` — ``Value``, reverse-mode autodiff on single numbers;
* :mod:`ladder.autograd.tensor` — ``Tensor``, the same on NumPy arrays with broadcasting;
* :mod:`ladder.autograd.functional` — softmax, log-softmax, gelu, concat, stack, where,
  dropout, embedding;
* :mod:`ladder.autograd.conv` — conv2d by im2col, max and average pooling;
* :mod:`ladder.autograd.gradcheck` — finite-difference gradient checking.

Only NumPy (and ``scipy.special.erf`` for the exact gelu) is used.
"""

from ladder.autograd.scalar import Value
from ladder.autograd.tensor import Tensor, as_tensor, is_grad_enabled, no_grad, unbroadcast

__all__ = ["Value", "Tensor", "as_tensor", "no_grad", "is_grad_enabled", "unbroadcast"]
