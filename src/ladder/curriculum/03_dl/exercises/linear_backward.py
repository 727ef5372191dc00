"""The forward and backward pass of a linear layer, written by hand.

``Linear`` (from ``ladder.nn.layers``) holds ``weight`` (out, in) and ``bias`` (out,) or
None. Write ``forward`` for an input ``x`` of shape (N, in):

    Y = X W^T + b                               shape (N, out)

and its backward, given G = dL/dY:

    dL/dX = G W           dL/dW = G^T X           dL/db = sum_n G[n]

Build the node with ``Tensor._make(Y, parents, backward, "linear")``: ``parents`` is
``(x, self.weight, self.bias)`` (or ``(x, self.weight)`` without a bias) and ``backward(G)``
returns one gradient per parent, in that order (``None`` for a parent that does not
require a gradient is allowed). The matching library layer is ``torch.nn.Linear``.
"""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.nn.layers import Linear as _Linear


class Linear(_Linear):
    def forward(self, x: Tensor) -> Tensor:
        X, W = x.data, self.weight.data  # noqa: F841 - (N, in) and (out, in) arrays
        # TODO: Y = ...; def backward(G): return (dX, dW, db) or (dX, dW)
        raise NotImplementedError
