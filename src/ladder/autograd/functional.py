r"""Composite tensor operations with hand-written, fused gradients.

Each could be built from the primitives in :mod:`ladder.autograd.tensor`, but a fused
backward is faster, and for softmax it is also *numerically stable*: subtracting the
row maximum before ``exp`` changes nothing mathematically
(:math:`\operatorname{softmax}(x) = \operatorname{softmax}(x - c)`) but keeps ``exp``
from overflowing.

Gradients (``s`` = softmax output, ``ḡ`` = incoming gradient, sums over the softmax axis):

* softmax: :math:`\bar x = s \odot (\bar g - \sum \bar g \odot s)`
* log-softmax: :math:`\bar x = \bar g - s \sum \bar g`
* gelu: :math:`\frac{d}{dx} x\Phi(x) = \Phi(x) + x\varphi(x)`
* concat/stack: split the gradient back into the pieces
* where: route the gradient to the branch that was chosen
* dropout: the same mask, scaled by :math:`1/(1-p)`
* embedding: scatter-add rows of the gradient into the rows that were looked up

Every one matches the ``torch``/``torch.nn.functional`` function of the same name
(``tests/autograd/test_tensor.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike

from ladder.autograd.tensor import Tensor, as_tensor, unbroadcast

__all__ = [
    "softmax",
    "log_softmax",
    "gelu",
    "concat",
    "stack",
    "where",
    "dropout",
    "embedding",
]


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    r""":math:`s_i = e^{x_i - m} / \sum_j e^{x_j - m}` with :math:`m = \max_j x_j`
    (``torch.softmax``)."""
    shifted = x.data - x.data.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    s = e / e.sum(axis=axis, keepdims=True)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        return (s * (g - (g * s).sum(axis=axis, keepdims=True)),)

    return Tensor._make(s, (x,), backward, "softmax")


def log_softmax(x: Tensor, axis: int = -1) -> Tensor:
    r""":math:`x_i - m - \log\sum_j e^{x_j - m}` (``torch.log_softmax``): the log-sum-exp
    trick, finite even for logits of ±1000."""
    shifted = x.data - x.data.max(axis=axis, keepdims=True)
    lse = np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
    out = shifted - lse

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        return (g - np.exp(out) * g.sum(axis=axis, keepdims=True),)

    return Tensor._make(out, (x,), backward, "log_softmax")


def gelu(x: Tensor, approximate: Literal["none", "tanh"] = "none") -> Tensor:
    r"""Gaussian error linear unit :math:`x\,\Phi(x)` (``torch.nn.functional.gelu``).

    ``approximate="tanh"`` uses :math:`\tfrac12 x(1+\tanh(\sqrt{2/\pi}(x+0.044715x^3)))`,
    the GPT-2 form. The exact form needs :math:`\operatorname{erf}`, from ``scipy.special``.
    """
    v = x.data
    if approximate == "tanh":
        k = math.sqrt(2.0 / math.pi)
        inner = k * (v + 0.044715 * v**3)
        t = np.tanh(inner)
        out = 0.5 * v * (1.0 + t)

        def local() -> np.ndarray:
            return 0.5 * (1.0 + t) + 0.5 * v * (1.0 - t * t) * k * (1.0 + 3 * 0.044715 * v * v)

    elif approximate == "none":
        from scipy.special import erf

        cdf = 0.5 * (1.0 + erf(v / math.sqrt(2.0)))
        out = v * cdf

        def local() -> np.ndarray:
            return cdf + v * np.exp(-0.5 * v * v) / math.sqrt(2.0 * math.pi)

    else:
        raise ValueError(f"gelu: approximate must be 'none' or 'tanh', got {approximate!r}.")
    return Tensor._make(out.astype(v.dtype, copy=False), (x,), lambda g: (g * local(),), "gelu")


def concat(tensors: Sequence[Tensor], axis: int = 0) -> Tensor:
    """Join tensors along an existing axis (``torch.cat``)."""
    tensors = [as_tensor(t) for t in tensors]
    if not tensors:
        raise ValueError("concat: got an empty list. Pass at least one tensor.")
    try:
        out = np.concatenate([t.data for t in tensors], axis=axis)
    except ValueError:
        shapes = [t.shape for t in tensors]
        raise ValueError(
            f"concat along axis {axis}: shapes {shapes} differ outside that axis. "
            "Every other axis must have the same size."
        ) from None
    bounds = np.cumsum([t.shape[axis] for t in tensors])[:-1]

    def backward(g: np.ndarray) -> list[np.ndarray]:
        return np.split(g, bounds, axis=axis)

    return Tensor._make(out, tuple(tensors), backward, "concat")


def stack(tensors: Sequence[Tensor], axis: int = 0) -> Tensor:
    """Join same-shaped tensors along a new axis (``torch.stack``)."""
    tensors = [as_tensor(t) for t in tensors]
    shapes = {t.shape for t in tensors}
    if len(shapes) != 1:
        raise ValueError(
            f"stack: all tensors must have the same shape, got {[t.shape for t in tensors]}. "
            "Pad or reshape them first, or use concat."
        )
    out = np.stack([t.data for t in tensors], axis=axis)

    def backward(g: np.ndarray) -> list[np.ndarray]:
        return [np.take(g, i, axis=axis) for i in range(len(tensors))]

    return Tensor._make(out, tuple(tensors), backward, "stack")


def where(condition: ArrayLike | Tensor, a: Tensor | ArrayLike, b: Tensor | ArrayLike) -> Tensor:
    """``a`` where ``condition`` holds, else ``b``, with broadcasting (``torch.where``)."""
    cond = np.asarray(condition.data if isinstance(condition, Tensor) else condition, dtype=bool)
    a, b = as_tensor(a), as_tensor(b)
    try:
        out = np.where(cond, a.data, b.data)
    except ValueError:
        raise ValueError(
            f"where: shapes condition {cond.shape}, a {a.shape}, b {b.shape} cannot be "
            "broadcast together. Make trailing axes equal or 1."
        ) from None

    def backward(g: np.ndarray) -> tuple[Any, Any]:
        return (
            unbroadcast(np.where(cond, g, 0), a.shape) if a.requires_grad else None,
            unbroadcast(np.where(cond, 0, g), b.shape) if b.requires_grad else None,
        )

    return Tensor._make(out, (a, b), backward, "where")


def dropout(
    x: Tensor,
    p: float = 0.5,
    training: bool = True,
    rng: np.random.Generator | None = None,
    mask: np.ndarray | None = None,
) -> Tensor:
    r"""Inverted dropout (``torch.nn.functional.dropout``): zero each element with
    probability ``p`` and scale the survivors by :math:`1/(1-p)`, so that the expected
    value is unchanged and evaluation (``training=False``) is the identity.

    ``mask`` (booleans, True = keep) replaces the random draw; tests use it to replay the
    mask that PyTorch drew.
    """
    if not 0.0 <= p < 1.0:
        raise ValueError(f"dropout probability must be in [0, 1), got p={p!r}.")
    if not training or p == 0.0:
        return x
    if mask is None:
        rng = rng if rng is not None else np.random.default_rng()
        mask = rng.random(x.shape) >= p
    scale = (mask / (1.0 - p)).astype(x.dtype)
    return Tensor._make(x.data * scale, (x,), lambda g: (g * scale,), "dropout")


def embedding(weight: Tensor, indices: ArrayLike | Tensor) -> Tensor:
    """Look up rows of ``weight`` (``torch.nn.functional.embedding``).

    ``indices`` of any shape ``S`` gives a result of shape ``S + (embedding_dim,)``. The
    backward adds each output row's gradient into the row it came from.
    """
    idx = np.asarray(indices.data if isinstance(indices, Tensor) else indices)
    if not np.issubdtype(idx.dtype, np.integer):
        raise TypeError(f"embedding: indices must be integers, got dtype {idx.dtype}.")
    n = weight.shape[0]
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        raise IndexError(
            f"embedding: index out of range: indices span [{idx.min()}, {idx.max()}] but the "
            f"table has {n} rows. Check the vocabulary size (num_embeddings)."
        )
    out = weight.data[idx]

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        full = np.zeros_like(weight.data)
        np.add.at(full, idx.ravel(), g.reshape(-1, weight.shape[1]))
        return (full,)

    return Tensor._make(out, (weight,), backward, "embedding")
