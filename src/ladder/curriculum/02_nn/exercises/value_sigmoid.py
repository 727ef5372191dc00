"""The sigmoid as an operation of the scalar autograd ``Value``.

Write ``sigmoid``: return a new ``Value`` holding s = 1 / (1 + e^(-x)) whose parent is
``self``, with a ``_backward`` closure applying the chain rule

    self.grad += s * (1 - s) * out.grad          (sigma' = sigma (1 - sigma))

Compute s without overflow: for x >= 0 use 1 / (1 + exp(-x)); for x < 0 use
exp(x) / (1 + exp(x)) (``math.exp(1000)`` raises OverflowError). Everything else
(``+``, ``*``, ``backward``) is inherited from ``ladder.autograd.scalar.Value``.
The matching library function is ``torch.sigmoid``.
"""

import math

from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def sigmoid(self) -> "Value":
        # TODO: s = ...; out = Value(s, (self,), "sigmoid")
        #       def _backward(): self.grad += ... * out.grad
        #       out._backward = _backward; return out
        raise NotImplementedError
