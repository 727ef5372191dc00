"""Multiplication in the scalar autograd ``Value``, with its backward rule.

Write ``__mul__``: ``other`` may be a ``Value`` or a plain number (wrap numbers with
``self._lift(other)``). Return a new ``Value(self.data * other.data, (self, other), "*")``
whose ``_backward`` closure applies the product rule with the chain rule:

    dz/da = b,  dz/db = a   so   self.grad  += other.data * out.grad
                                 other.grad += self.data  * out.grad

Use ``+=``: a value used twice (``a * a``) must receive both contributions. ``+``,
``backward`` and the rest come from ``ladder.autograd.scalar.Value``; ``3 * a`` calls
``a.__rmul__(3)``, which calls your ``__mul__``. The matching library: ``torch.mul``.
"""

from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def __mul__(self, other) -> "Value":
        other = self._lift(other)
        # TODO: out = Value(...); define _backward; out._backward = _backward; return out
        raise NotImplementedError
