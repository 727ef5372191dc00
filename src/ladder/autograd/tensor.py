r"""A NumPy-backed tensor with reverse-mode autodiff: the scalar ``Value`` made fast.

A :class:`Tensor` wraps an ``np.ndarray``. An operation on tensors that need gradients
records its inputs and a *backward* function that maps :math:`\bar z = \partial L/\partial z`
(same shape as the output) to :math:`\bar x = \partial L/\partial x` for every input ``x``.
``backward()`` walks the graph in reverse topological order, exactly like
:meth:`ladder.autograd.scalar.Value.backward`, but each step moves whole arrays.

**Broadcasting.** ``x + b`` with ``x: (B, C)`` and ``b: (C,)`` copies ``b`` along the
batch axis. Copying in the forward pass means *summing* in the backward pass: every copy
contributed to the loss. :func:`unbroadcast` sums the gradient over the broadcast axes so
that ``b.grad`` has ``b``'s shape, as PyTorch does.

The API follows ``torch.Tensor`` (``requires_grad``, ``grad``, ``backward``,
``detach``, ``no_grad``, ``sum(axis)``, ``permute``, ``transpose(dim0, dim1)``); parity
of every operation's forward and gradient with ``torch`` is in
``tests/autograd/test_tensor.py``. Composite operations (softmax, concat, conv2d, …) live
in :mod:`ladder.autograd.functional` and :mod:`ladder.autograd.conv`.

>>> x = Tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
>>> b = Tensor([10.0, 20.0], requires_grad=True)
>>> ((x + b) * x).sum().backward()
>>> b.grad                                  # d/db sum((x+b)x) = column sums of x
array([4., 6.])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

__all__ = ["Tensor", "no_grad", "is_grad_enabled", "unbroadcast", "as_tensor"]

Backward = Callable[[np.ndarray], Sequence[np.ndarray | None]]


class _GradMode:
    enabled = True


def is_grad_enabled() -> bool:
    """Whether new operations record a graph (``torch.is_grad_enabled``)."""
    return _GradMode.enabled


class no_grad:  # noqa: N801 - named like torch.no_grad
    """Context manager (and decorator) that stops graph recording, as ``torch.no_grad``.

    Inside it, results never require gradients: evaluation uses less memory and time.
    """

    def __enter__(self) -> None:
        self._previous = _GradMode.enabled
        _GradMode.enabled = False

    def __exit__(self, *exc: object) -> None:
        _GradMode.enabled = self._previous

    def __call__(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with no_grad():
                return fn(*args, **kwargs)

        wrapper.__name__ = getattr(fn, "__name__", "wrapper")
        wrapper.__doc__ = fn.__doc__
        return wrapper


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` over the axes that broadcasting added or stretched, back to ``shape``.

    >>> unbroadcast(np.ones((4, 3)), (3,))
    array([4., 4., 4.])
    >>> unbroadcast(np.ones((4, 3)), (4, 1)).ravel()
    array([3., 3., 3., 3.])
    """
    if grad.shape == shape:
        return grad
    extra = grad.ndim - len(shape)
    if extra > 0:
        grad = grad.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if stretched:
        grad = grad.sum(axis=stretched, keepdims=True)
    return grad


class Tensor:
    """An n-dimensional array that can carry a gradient (``torch.Tensor``)."""

    __slots__ = ("data", "grad", "requires_grad", "_prev", "_backward", "_op", "_retain")
    __array_priority__ = 1000  # so that ndarray + Tensor calls Tensor.__radd__

    def __init__(
        self, data: ArrayLike, requires_grad: bool = False, dtype: DTypeLike | None = None
    ) -> None:
        if isinstance(data, Tensor):
            data = data.data
        try:
            arr = np.asarray(data, dtype=dtype)
        except (TypeError, ValueError) as exc:
            raise ValueError(
                f"Tensor data must be a number or a rectangular (nested) list or array of "
                f"numbers, got {type(data).__name__} ({exc})."
            ) from None
        if arr.dtype.kind not in "biuf":
            raise TypeError(
                f"Tensor data must be real numbers or booleans, got dtype {arr.dtype} from "
                f"{data!r:.60}; convert it first, e.g. np.asarray(data, dtype=np.float32)."
            )
        if requires_grad and not np.issubdtype(arr.dtype, np.floating):
            raise TypeError(
                f"only floating-point tensors can require gradients, got dtype {arr.dtype}. "
                "Pass dtype=np.float32 (or np.float64)."
            )
        self.data: np.ndarray = arr
        self.grad: np.ndarray | None = None
        self.requires_grad = requires_grad
        self._prev: tuple[Tensor, ...] = ()
        self._backward: Backward | None = None
        self._op = ""
        self._retain = False

    # ------------------------------------------------------------- basics
    shape = property(lambda self: self.data.shape, doc="The array's shape.")
    ndim = property(lambda self: self.data.ndim, doc="Number of axes.")
    dtype = property(lambda self: self.data.dtype, doc="The NumPy dtype.")
    size = property(lambda self: self.data.size, doc="Number of elements.")

    def __repr__(self) -> str:
        grad = ", requires_grad=True" if self.requires_grad else ""
        return f"Tensor({np.array2string(self.data, precision=4, threshold=20)}{grad})"

    def __len__(self) -> int:
        return len(self.data)

    def numpy(self) -> np.ndarray:
        """The underlying array (shared, not copied), like ``t.detach().numpy()``."""
        return self.data

    def item(self) -> float:
        """The value of a one-element tensor as a Python number."""
        return self.data.item()

    def detach(self) -> Tensor:
        """The same data, cut from the graph (``torch.Tensor.detach``)."""
        return Tensor(self.data)

    def retain_grad(self) -> Tensor:
        """Keep ``.grad`` on this non-leaf tensor after ``backward`` (for inspection)."""
        self._retain = True
        return self

    def _lift(self, other: Tensor | ArrayLike) -> Tensor:
        # Python scalars take this tensor's dtype, so float32 stays float32.
        if isinstance(other, Tensor):
            return other
        return Tensor(np.asarray(other, dtype=self.data.dtype if np.isscalar(other) else None))

    # ------------------------------------------------------------- autograd
    @staticmethod
    def _make(data: np.ndarray, parents: tuple[Tensor, ...], backward: Backward, op: str) -> Tensor:
        """Wrap ``data`` as the result of ``op`` on ``parents``; record the graph if needed."""
        out = Tensor(data)
        if _GradMode.enabled and any(p.requires_grad for p in parents):
            out.requires_grad = True
            out._prev = parents
            out._backward = backward
            out._op = op
        return out

    def _topological_order(self) -> list[Tensor]:
        order: list[Tensor] = []
        visited: set[int] = set()
        stack: list[tuple[Tensor, bool]] = [(self, False)]
        while stack:  # iterative DFS: an unrolled RNN would overflow recursion
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if id(node) in visited:
                continue
            visited.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in node._prev if p.requires_grad)
        return order

    def backward(self, gradient: ArrayLike | None = None) -> None:
        r"""Accumulate :math:`\partial\,\text{self}/\partial x` into ``x.grad`` for each leaf ``x``.

        ``gradient`` is :math:`\partial L/\partial\,\text{self}`; it may be left out for a
        one-element tensor (then it is 1), as in ``torch.Tensor.backward``.
        """
        if not self.requires_grad:
            raise RuntimeError(
                "backward() on a tensor that does not require grad: no input had "
                "requires_grad=True, or it was computed under no_grad(). Create the "
                "parameters with requires_grad=True."
            )
        if gradient is None:
            if self.data.size != 1:
                raise RuntimeError(
                    f"backward() needs a gradient for a non-scalar output of shape "
                    f"{self.shape}. Reduce it first (e.g. loss.sum()) or pass gradient=."
                )
            seed = np.ones_like(self.data)
        else:
            seed = np.asarray(gradient, dtype=self.data.dtype)
            if seed.shape != self.shape:
                raise ValueError(
                    f"backward(gradient=...) has shape {seed.shape} but the tensor has shape "
                    f"{self.shape}. Pass a gradient of the tensor's shape."
                )
        grads: dict[int, np.ndarray] = {id(self): seed}
        for node in reversed(self._topological_order()):
            g = grads.pop(id(node), None)
            if g is None:
                continue
            if node._backward is None or node._retain:  # a leaf, or kept on request
                node.grad = g.copy() if node.grad is None else node.grad + g
            if node._backward is None:
                continue
            for parent, pg in zip(node._prev, node._backward(g), strict=True):
                if pg is None or not parent.requires_grad:
                    continue
                key = id(parent)
                grads[key] = pg if key not in grads else grads[key] + pg

    # ------------------------------------------------------------- arithmetic
    def _binary(
        self,
        other: Tensor | ArrayLike,
        op: str,
        forward: Callable[[np.ndarray, np.ndarray], np.ndarray],
        grads: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], tuple[Any, Any]],
        reflected: bool = False,
    ) -> Tensor:
        a, b = (self._lift(other), self) if reflected else (self, self._lift(other))
        try:
            np.broadcast_shapes(a.shape, b.shape)
        except ValueError:
            raise ValueError(
                f"{op}: shapes {a.shape} and {b.shape} cannot be broadcast together "
                "(trailing axes must be equal or 1). Reshape one operand, e.g. add an "
                "axis of size 1 with x.reshape(...)."
            ) from None
        out_data = forward(a.data, b.data)

        def backward(g: np.ndarray) -> tuple[Any, Any]:
            ga, gb = grads(g, a.data, b.data, out_data)
            return (
                unbroadcast(ga, a.shape) if a.requires_grad else None,
                unbroadcast(gb, b.shape) if b.requires_grad else None,
            )

        return Tensor._make(out_data, (a, b), backward, op)

    def __add__(self, other: Tensor | ArrayLike) -> Tensor:
        return self._binary(other, "add", np.add, lambda g, a, b, z: (g, g))

    def __radd__(self, other: ArrayLike) -> Tensor:
        return self._binary(other, "add", np.add, lambda g, a, b, z: (g, g), reflected=True)

    def __sub__(self, other: Tensor | ArrayLike) -> Tensor:
        return self._binary(other, "sub", np.subtract, lambda g, a, b, z: (g, -g))

    def __rsub__(self, other: ArrayLike) -> Tensor:
        return self._binary(other, "sub", np.subtract, lambda g, a, b, z: (g, -g), True)

    def __mul__(self, other: Tensor | ArrayLike) -> Tensor:
        return self._binary(other, "mul", np.multiply, lambda g, a, b, z: (g * b, g * a))

    def __rmul__(self, other: ArrayLike) -> Tensor:
        return self._binary(other, "mul", np.multiply, lambda g, a, b, z: (g * b, g * a), True)

    def __truediv__(self, other: Tensor | ArrayLike) -> Tensor:
        # d(a/b)/da = 1/b, d(a/b)/db = -a/b^2 = -z/b
        return self._binary(other, "div", np.divide, lambda g, a, b, z: (g / b, -g * z / b))

    def __rtruediv__(self, other: ArrayLike) -> Tensor:
        return self._binary(
            other, "div", np.divide, lambda g, a, b, z: (g / b, -g * z / b), reflected=True
        )

    def __pow__(self, other: Tensor | ArrayLike) -> Tensor:
        r"""Power :math:`a^b`: :math:`\partial/\partial a = b a^{b-1}` (0 where ``b = 0``),
        :math:`\partial/\partial b = a^b \log a` (0 where ``a = 0`` and ``b >= 0``; nan
        for ``a < 0``), as ``torch.pow``."""

        def grads(g: np.ndarray, a: np.ndarray, b: np.ndarray, z: np.ndarray) -> tuple:
            # At the singular points torch defines 0: d(a^0)/da = 0 even at a = 0, where
            # b a^(b-1) is 0·inf; d(0^b)/db = 0 for b >= 0, where a^b log a is 0·(-inf).
            with np.errstate(divide="ignore", invalid="ignore"):
                ga = np.where(b == 0, 0, g * b * a ** (b - 1))
                gb = g * np.where((a == 0) & (b >= 0), 0, z * np.log(a))
            return ga, gb

        return self._binary(other, "pow", np.power, grads)

    def __rpow__(self, other: ArrayLike) -> Tensor:
        return self._lift(other) ** self

    def __neg__(self) -> Tensor:
        return Tensor._make(-self.data, (self,), lambda g: (-g,), "neg")

    def pow(self, exponent: Tensor | ArrayLike) -> Tensor:
        """``self ** exponent`` (``torch.pow``)."""
        return self**exponent

    def __matmul__(self, other: Tensor | ArrayLike) -> Tensor:
        return self.matmul(other)

    def __rmatmul__(self, other: ArrayLike) -> Tensor:
        return self._lift(other).matmul(self)

    def matmul(self, other: Tensor | ArrayLike) -> Tensor:
        r"""Matrix product with batch broadcasting (``torch.matmul``).

        For :math:`Z = AB`: :math:`\bar A = \bar Z B^\top`, :math:`\bar B = A^\top \bar Z`,
        each summed over broadcast batch axes. 1-D operands are treated as a row (left)
        or a column (right) vector and that axis is dropped from the result.
        """
        a, b = self, self._lift(other)
        if a.ndim == 0 or b.ndim == 0:
            raise ValueError(
                f"matmul: shapes {a.shape} and {b.shape}: both operands need at least one "
                "axis. Use * to multiply by a scalar."
            )
        if a.ndim == 1 and b.ndim == 1:
            return a.reshape(1, -1).matmul(b.reshape(-1, 1)).reshape(())
        if a.ndim == 1:
            return a.reshape(1, -1).matmul(b).reshape(*b.shape[:-2], b.shape[-1])
        if b.ndim == 1:
            return a.matmul(b.reshape(-1, 1)).reshape(*a.shape[:-1])
        if a.shape[-1] != b.shape[-2]:
            raise ValueError(
                f"matmul: shapes {a.shape} and {b.shape} do not align: the left operand's "
                f"last axis ({a.shape[-1]}) must equal the right operand's second-to-last "
                f"({b.shape[-2]}). Transpose one operand or fix the layer sizes."
            )
        try:
            out = np.matmul(a.data, b.data)
        except ValueError:
            raise ValueError(
                f"matmul: batch axes of shapes {a.shape} and {b.shape} cannot be broadcast "
                "together. Make the leading axes equal or 1."
            ) from None

        def backward(g: np.ndarray) -> tuple[Any, Any]:
            ga = unbroadcast(g @ np.swapaxes(b.data, -1, -2), a.shape) if a.requires_grad else None
            gb = unbroadcast(np.swapaxes(a.data, -1, -2) @ g, b.shape) if b.requires_grad else None
            return ga, gb

        return Tensor._make(out, (a, b), backward, "matmul")

    # ------------------------------------------------------------- element-wise functions
    def _unary(self, value: np.ndarray, local_grad: Callable[[], np.ndarray], op: str) -> Tensor:
        return Tensor._make(value, (self,), lambda g: (g * local_grad(),), op)

    def exp(self) -> Tensor:
        """:math:`e^x`, gradient :math:`e^x` (``torch.exp``)."""
        z = np.exp(self.data)
        return self._unary(z, lambda: z, "exp")

    def log(self) -> Tensor:
        """Natural logarithm, gradient :math:`1/x` (``torch.log``)."""
        x = self.data
        return self._unary(np.log(x), lambda: 1.0 / x, "log")

    def sqrt(self) -> Tensor:
        r""":math:`\sqrt x`, gradient :math:`1/(2\sqrt x)` (``torch.sqrt``)."""
        z = np.sqrt(self.data)
        return self._unary(z, lambda: 0.5 / z, "sqrt")

    def tanh(self) -> Tensor:
        r""":math:`\tanh x`, gradient :math:`1-\tanh^2 x` (``torch.tanh``)."""
        z = np.tanh(self.data)
        return self._unary(z, lambda: 1.0 - z * z, "tanh")

    def sigmoid(self) -> Tensor:
        r""":math:`\sigma(x)=1/(1+e^{-x})`, gradient :math:`\sigma(1-\sigma)` (``torch.sigmoid``).

        Computed from :math:`e=e^{-|x|}` as :math:`1/(1+e)` for :math:`x\ge0` and
        :math:`e/(1+e)` for :math:`x<0`: ``exp`` never overflows, and for very negative
        :math:`x` the tiny result keeps its relative accuracy (the form
        :math:`(1+\tanh(x/2))/2` cancels there: it returns 0 for :math:`x=-40` in float64,
        where :math:`\sigma(x)\approx4\cdot10^{-18}`).
        """
        e = np.exp(-np.abs(self.data))
        z = np.where(self.data >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return self._unary(z, lambda: z * (1.0 - z), "sigmoid")

    def relu(self) -> Tensor:
        """:math:`\\max(0,x)`, gradient 1 where ``x > 0`` else 0 (``torch.relu``)."""
        out = np.maximum(self.data, 0)  # relu(-inf) = 0, relu(nan) = nan
        # The gradient is routed, not multiplied by a 0/1 mask: where the output is <= 0
        # it is exactly 0, even when the upstream gradient is inf or nan (torch's
        # threshold_backward). x.relu().sqrt() at x <= 0 sends an inf back here.
        return Tensor._make(out, (self,), lambda g: (np.where(out <= 0, 0, g),), "relu")

    def abs(self) -> Tensor:
        """:math:`|x|`, gradient :math:`\\operatorname{sign}(x)` (``torch.abs``)."""
        return self._unary(np.abs(self.data), lambda: np.sign(self.data), "abs")

    # ------------------------------------------------------------- reductions
    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        """Sum over ``axis`` (all axes by default); the gradient copies back (``torch.sum``)."""
        shape = self.shape

        def backward(g: np.ndarray) -> tuple[np.ndarray]:
            if not keepdims and axis is not None:
                g = np.expand_dims(g, axis)
            return (np.broadcast_to(g, shape),)

        return Tensor._make(self.data.sum(axis=axis, keepdims=keepdims), (self,), backward, "sum")

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        """Mean over ``axis``: the sum divided by the number of elements reduced."""
        n = _count(self.shape, axis)
        return self.sum(axis=axis, keepdims=keepdims) * (1.0 / n)

    def max(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        """Maximum over ``axis`` (``torch.amax``): ties share the gradient equally."""
        z = self.data.max(axis=axis, keepdims=True)
        mask = self.data == z
        count = mask.sum(axis=axis, keepdims=True)
        out = z if keepdims else (z.reshape(()) if axis is None else np.squeeze(z, axis=axis))

        def backward(g: np.ndarray) -> tuple[np.ndarray]:
            if not keepdims and axis is not None:
                g = np.expand_dims(g, axis)
            return (mask * (g / count),)

        return Tensor._make(out, (self,), backward, "max")

    def var(
        self, axis: int | tuple[int, ...] | None = None, correction: int = 1, keepdims: bool = False
    ) -> Tensor:
        r"""Variance :math:`\frac{1}{N-c}\sum (x-\bar x)^2` (``torch.var``; default ``c=1``,
        unlike ``np.var``'s ``ddof=0``)."""
        n = _count(self.shape, axis)
        centred = self - self.mean(axis=axis, keepdims=True)
        return (centred * centred).sum(axis=axis, keepdims=keepdims) * (1.0 / (n - correction))

    # ------------------------------------------------------------- shapes and indexing
    def reshape(self, *shape: int | Sequence[int]) -> Tensor:
        """Same data, new shape (``torch.reshape``); the gradient is reshaped back."""
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        old = self.shape
        try:
            out = self.data.reshape(shape)
        except ValueError:
            raise ValueError(
                f"reshape: cannot reshape a tensor of shape {old} ({self.size} elements) into "
                f"{tuple(shape)}. The number of elements must stay the same."
            ) from None
        return Tensor._make(out, (self,), lambda g: (g.reshape(old),), "reshape")

    def permute(self, *axes: int) -> Tensor:
        """Reorder the axes (``torch.permute``, ``np.transpose``)."""
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = tuple(axes[0])
        inverse = np.argsort(axes)
        return Tensor._make(
            self.data.transpose(axes), (self,), lambda g: (g.transpose(inverse),), "permute"
        )

    def transpose(self, dim0: int = -2, dim1: int = -1) -> Tensor:
        """Swap two axes (``torch.transpose``); by default the last two."""
        return Tensor._make(
            np.swapaxes(self.data, dim0, dim1),
            (self,),
            lambda g: (np.swapaxes(g, dim0, dim1),),
            "transpose",
        )

    @property
    def T(self) -> Tensor:  # noqa: N802
        """All axes reversed, like ``ndarray.T``."""
        return self.permute(*reversed(range(self.ndim)))

    def __getitem__(self, index: Any) -> Tensor:
        """Basic and fancy indexing. The gradient is scattered back with ``np.add.at``,
        so an element picked twice receives both gradients."""
        if isinstance(index, Tensor):
            index = index.data
        elif isinstance(index, tuple):
            index = tuple(i.data if isinstance(i, Tensor) else i for i in index)
        shape, dtype = self.shape, self.data.dtype
        out = self.data[index]

        basic = _is_basic(index)

        def backward(g: np.ndarray) -> tuple[np.ndarray]:
            full = np.zeros(shape, dtype=dtype)
            if basic:  # slices and integers never pick an element twice
                full[index] = g
            else:
                np.add.at(full, index, g)
            return (full,)

        return Tensor._make(np.array(out, copy=True), (self,), backward, "getitem")

    # Convenience spellings that delegate to the functional module.
    def softmax(self, axis: int = -1) -> Tensor:
        """See :func:`ladder.autograd.functional.softmax`."""
        from ladder.autograd.functional import softmax

        return softmax(self, axis)

    def log_softmax(self, axis: int = -1) -> Tensor:
        """See :func:`ladder.autograd.functional.log_softmax`."""
        from ladder.autograd.functional import log_softmax

        return log_softmax(self, axis)

    def gelu(self) -> Tensor:
        """See :func:`ladder.autograd.functional.gelu`."""
        from ladder.autograd.functional import gelu

        return gelu(self)


def _count(shape: tuple[int, ...], axis: int | tuple[int, ...] | None) -> int:
    """How many elements a reduction over ``axis`` combines into each output."""
    if axis is None:
        return int(np.prod(shape))
    axes = (axis,) if isinstance(axis, int) else axis
    return int(np.prod([shape[a] for a in axes]))


def _is_basic(index: Any) -> bool:
    parts = index if isinstance(index, tuple) else (index,)
    return all(p is None or p is Ellipsis or isinstance(p, (slice, int, np.integer)) for p in parts)


def as_tensor(x: Tensor | ArrayLike, dtype: DTypeLike | None = None) -> Tensor:
    """``x`` itself if it is a Tensor, else a new constant Tensor (``torch.as_tensor``)."""
    return x if isinstance(x, Tensor) else Tensor(x, dtype=dtype)
