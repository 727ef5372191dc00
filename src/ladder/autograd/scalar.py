r"""Scalar reverse-mode autodiff: a ``Value`` that remembers how it was made.

Every ``Value`` holds a number ``data``, the derivative of the final output with
respect to it (``grad``), the ``Value``\ s it was computed from, and a small closure
that applies the **chain rule** for its operation:

.. math:: \frac{\partial L}{\partial x} \mathrel{+}= \frac{\partial L}{\partial z}
          \cdot \frac{\partial z}{\partial x}.

``backward()`` sorts the graph topologically (every node after the nodes it was
built from), seeds :math:`\partial L / \partial L = 1`, and runs the closures in reverse
order, so each node's gradient is complete before it is pushed to its inputs. The
gradients ``+=`` (never ``=``) because a value used twice receives two contributions.

This is what ``torch.autograd`` does for scalars; ``tests/autograd/test_scalar.py``
checks values and gradients against it in float64 on random expressions.

>>> a, b = Value(2.0), Value(-3.0)
>>> c = a * b + a.exp()
>>> c.backward()
>>> round(a.grad, 6), b.grad            # dc/da = b + e^a, dc/db = a
(4.389056, 2.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

__all__ = ["Value"]

Number = int | float


class Value:
    """A scalar in a computation graph, with the gradient of the output w.r.t. it."""

    __slots__ = ("data", "grad", "_prev", "_op", "_backward", "label")

    def __init__(
        self, data: Number, _children: Iterable[Value] = (), _op: str = "", label: str = ""
    ) -> None:
        if isinstance(data, Value):
            raise TypeError("Value(Value(...)) is ambiguous: pass the number, `v.data`.")
        self.data = float(data)
        self.grad = 0.0
        self._prev: tuple[Value, ...] = tuple(_children)
        self._op = _op
        self._backward: Callable[[], None] = lambda: None
        self.label = label

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    # ----------------------------------------------------------------- arithmetic
    @staticmethod
    def _lift(other: Value | Number) -> Value:
        return other if isinstance(other, Value) else Value(other)

    def __add__(self, other: Value | Number) -> Value:
        other = self._lift(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward() -> None:  # d(a+b)/da = d(a+b)/db = 1
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other: Value | Number) -> Value:
        other = self._lift(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward() -> None:  # d(ab)/da = b, d(ab)/db = a
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, other: Value | Number) -> Value:
        """``x ** k`` for a constant ``k`` (d/dx = k x^(k-1)), or ``x ** y`` for a Value ``y``
        (d/dy = x^y log x, defined for ``x > 0``)."""
        if isinstance(other, Value):
            return (other * self.log()).exp()
        k = float(other)
        out = Value(self.data**k, (self,), f"**{k:g}")

        def _backward() -> None:
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = _backward
        return out

    def __neg__(self) -> Value:
        return self * -1.0

    def __radd__(self, other: Number) -> Value:
        return self + other

    def __sub__(self, other: Value | Number) -> Value:
        return self + (-self._lift(other))

    def __rsub__(self, other: Number) -> Value:
        return self._lift(other) - self

    def __rmul__(self, other: Number) -> Value:
        return self * other

    def __truediv__(self, other: Value | Number) -> Value:
        return self * self._lift(other) ** -1.0

    def __rtruediv__(self, other: Number) -> Value:
        return self._lift(other) * self**-1.0

    def __rpow__(self, other: Number) -> Value:
        return self._lift(other) ** self

    # ------------------------------------------------------------------ functions
    def _unary(self, value: float, local_grad: float, op: str) -> Value:
        out = Value(value, (self,), op)

        def _backward() -> None:
            self.grad += local_grad * out.grad

        out._backward = _backward
        return out

    def exp(self) -> Value:
        """:math:`e^x`, derivative :math:`e^x` (``torch.exp``)."""
        e = math.exp(self.data)
        return self._unary(e, e, "exp")

    def log(self) -> Value:
        """Natural log, derivative :math:`1/x` (``torch.log``); needs ``x > 0``."""
        if self.data <= 0:
            raise ValueError(
                f"log of a non-positive number: {self.data!r}. Shift or clamp the input "
                "so that it is > 0 before taking the log."
            )
        return self._unary(math.log(self.data), 1.0 / self.data, "log")

    def tanh(self) -> Value:
        """:math:`\\tanh x`, derivative :math:`1 - \\tanh^2 x` (``torch.tanh``)."""
        t = math.tanh(self.data)
        return self._unary(t, 1.0 - t * t, "tanh")

    def sigmoid(self) -> Value:
        """:math:`\\sigma(x) = 1/(1+e^{-x})`, derivative :math:`\\sigma(1-\\sigma)`."""
        x = self.data
        # Two branches so that exp never overflows (same trick as scipy.special.expit).
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        return self._unary(s, s * (1.0 - s), "sigmoid")

    def relu(self) -> Value:
        """:math:`\\max(0, x)`; derivative 1 for ``x > 0`` else 0 (as ``torch.relu``)."""
        return self._unary(max(0.0, self.data), 1.0 if self.data > 0 else 0.0, "relu")

    # ------------------------------------------------------------------ backward
    def topological_order(self) -> list[Value]:
        """Nodes of the graph ending here, each after all the nodes it depends on.

        Iterative depth-first search (a recursive one overflows Python's stack on long
        chains such as an unrolled RNN).
        """
        order: list[Value] = []
        visited: set[int] = set()
        stack: list[tuple[Value, bool]] = [(self, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if id(node) in visited:
                continue
            visited.add(id(node))
            stack.append((node, True))
            for child in node._prev:
                if id(child) not in visited:
                    stack.append((child, False))
        return order

    def backward(self) -> None:
        """Fill ``.grad`` of every node with d(self)/d(node).

        Gradients accumulate across calls, as in PyTorch: set them to 0 between steps.
        """
        order = self.topological_order()
        self.grad = 1.0
        for node in reversed(order):
            node._backward()
