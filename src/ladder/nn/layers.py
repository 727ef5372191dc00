r"""Feed-forward layers: ``Linear``, ``Conv2d``, pooling, ``Flatten``, ``Embedding``,
``Dropout`` and the activation functions as modules.

Each layer holds its weights as :class:`~ladder.nn.module.Parameter`\ s shaped and named
like the matching ``torch.nn`` layer (``Linear.weight`` is ``(out, in)``;
``Conv2d.weight`` is ``(out, in, kh, kw)``), starts from PyTorch's default
initialisation (uniform :math:`\pm 1/\sqrt{\text{fan\_in}}`) unless told otherwise, and
computes with :mod:`ladder.autograd`. ``tests/nn/test_layers.py`` copies the weights of
each ``torch.nn`` layer into ours and checks outputs and all gradients.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from ladder.autograd import conv as C
from ladder.autograd import functional as F
from ladder.autograd.tensor import Tensor
from ladder.nn import init
from ladder.nn.module import Module, Parameter

__all__ = [
    "Linear",
    "Conv2d",
    "MaxPool2d",
    "AvgPool2d",
    "Flatten",
    "Embedding",
    "Dropout",
    "ReLU",
    "Tanh",
    "Sigmoid",
    "GELU",
]

Init = Literal["torch", "xavier", "he"]


def _check_size(layer: str, name: str, value: object) -> int:
    """A layer dimension: a positive integer (``bool`` is not one)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{layer}: {name} must be an int, got {value!r} ({type(value).__name__}).")
    if value < 1:
        raise ValueError(f"{layer}: {name} must be a positive integer, got {value}.")
    return int(value)


def _check_input(layer: str, x: object, min_ndim: int = 0) -> Tensor:
    """The layer's input as a Tensor: NumPy arrays are wrapped, other types refused."""
    if isinstance(x, np.ndarray):
        x = Tensor(x)
    if not isinstance(x, Tensor):
        raise TypeError(
            f"{layer} expects a Tensor, got {type(x).__name__}; wrap the data first: "
            "Tensor(np.asarray(x, dtype=np.float32))."
        )
    if x.ndim < min_ndim:
        axes = "axis" if min_ndim == 1 else "axes"
        raise ValueError(
            f"{layer} needs an input with at least {min_ndim} {axes}, got shape {x.shape}; "
            "add the missing axes with x.reshape(...)."
        )
    return x


def _weight(shape: tuple[int, ...], how: Init, dtype) -> np.ndarray:
    if how == "torch":
        return init.lecun_uniform_torch_default(shape, dtype=dtype)
    if how == "xavier":
        return init.xavier_uniform(shape, dtype=dtype)
    if how == "he":
        return init.kaiming_normal(shape, dtype=dtype)
    raise ValueError(f"unknown init {how!r}: use 'torch', 'xavier' or 'he'.")


class Linear(Module):
    r""":math:`y = x W^\top + b`, ``W: (out_features, in_features)`` (``torch.nn.Linear``)."""

    def __init__(
        self,
        in_features: int,
        out_features: int,
        bias: bool = True,
        init: Init = "torch",
        dtype=np.float32,
    ) -> None:
        super().__init__()
        in_features = _check_size("Linear", "in_features", in_features)
        out_features = _check_size("Linear", "out_features", out_features)
        self.in_features, self.out_features = in_features, out_features
        self.weight = Parameter(_weight((out_features, in_features), init, dtype))
        bound = 1.0 / np.sqrt(in_features)
        rng = _rng()
        self.bias = (
            Parameter(rng.uniform(-bound, bound, out_features).astype(dtype)) if bias else None
        )

    def forward(self, x: Tensor) -> Tensor:
        x = _check_input(f"Linear({self.in_features}, {self.out_features})", x, min_ndim=1)
        if x.shape[-1] != self.in_features:
            raise ValueError(
                f"Linear({self.in_features}, {self.out_features}): input shape {x.shape} has "
                f"last axis {x.shape[-1]}, expected {self.in_features}. Flatten the input or "
                "set in_features to match."
            )
        y = x @ self.weight.T
        return y + self.bias if self.bias is not None else y

    def extra_repr(self) -> str:
        return f"{self.in_features}, {self.out_features}, bias={self.bias is not None}"


class Conv2d(Module):
    """2-D convolution over ``(N, C, H, W)`` (``torch.nn.Conv2d``); see
    :func:`ladder.autograd.conv.conv2d` for im2col."""

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int | tuple[int, int],
        stride: int | tuple[int, int] = 1,
        padding: int | tuple[int, int] = 0,
        bias: bool = True,
        init: Init = "torch",
        dtype=np.float32,
    ) -> None:
        super().__init__()
        in_channels = _check_size("Conv2d", "in_channels", in_channels)
        out_channels = _check_size("Conv2d", "out_channels", out_channels)
        kh, kw = (
            (kernel_size, kernel_size)
            if isinstance(kernel_size, (int, np.integer))
            else kernel_size
        )
        kh, kw = _check_size("Conv2d", "kernel_size", kh), _check_size("Conv2d", "kernel_size", kw)
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride, self.padding = (kh, kw), stride, padding
        self.weight = Parameter(_weight((out_channels, in_channels, kh, kw), init, dtype))
        bound = 1.0 / np.sqrt(in_channels * kh * kw)
        self.bias = (
            Parameter(_rng().uniform(-bound, bound, out_channels).astype(dtype)) if bias else None
        )

    def forward(self, x: Tensor) -> Tensor:
        x = _check_input("Conv2d", x)
        return C.conv2d(x, self.weight, self.bias, self.stride, self.padding)

    def extra_repr(self) -> str:
        return (
            f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}, padding={self.padding}"
        )


class MaxPool2d(Module):
    """Max over windows (``torch.nn.MaxPool2d``)."""

    def __init__(self, kernel_size: int, stride: int | None = None, padding: int = 0) -> None:
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding

    def forward(self, x: Tensor) -> Tensor:
        return C.max_pool2d(
            _check_input("MaxPool2d", x), self.kernel_size, self.stride, self.padding
        )


class AvgPool2d(Module):
    """Mean over windows (``torch.nn.AvgPool2d``, ``count_include_pad=True``)."""

    def __init__(self, kernel_size: int, stride: int | None = None, padding: int = 0) -> None:
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding

    def forward(self, x: Tensor) -> Tensor:
        return C.avg_pool2d(
            _check_input("AvgPool2d", x), self.kernel_size, self.stride, self.padding
        )


class Flatten(Module):
    """Merge axes ``start_dim..`` into one (``torch.nn.Flatten``, default from axis 1)."""

    def __init__(self, start_dim: int = 1) -> None:
        super().__init__()
        self.start_dim = start_dim

    def forward(self, x: Tensor) -> Tensor:
        x = _check_input(f"Flatten(start_dim={self.start_dim})", x, min_ndim=self.start_dim + 1)
        return x.reshape(*x.shape[: self.start_dim], -1)


class Embedding(Module):
    """A lookup table ``(num_embeddings, embedding_dim)``, initialised N(0, 1) like
    ``torch.nn.Embedding``."""

    def __init__(self, num_embeddings: int, embedding_dim: int, dtype=np.float32) -> None:
        super().__init__()
        num_embeddings = _check_size("Embedding", "num_embeddings", num_embeddings)
        embedding_dim = _check_size("Embedding", "embedding_dim", embedding_dim)
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.weight = Parameter(
            _rng().standard_normal((num_embeddings, embedding_dim)).astype(dtype)
        )

    def forward(self, indices: ArrayLike | Tensor) -> Tensor:
        return F.embedding(self.weight, indices)


class Dropout(Module):
    """Inverted dropout in training, identity in evaluation (``torch.nn.Dropout``)."""

    def __init__(self, p: float = 0.5) -> None:
        super().__init__()
        if not 0.0 <= p < 1.0:
            raise ValueError(f"Dropout probability must be in [0, 1), got p={p!r}.")
        self.p = p

    def forward(self, x: Tensor) -> Tensor:
        return F.dropout(_check_input("Dropout", x), self.p, self.training, rng=_rng())


class ReLU(Module):
    def forward(self, x: Tensor) -> Tensor:
        return _check_input("ReLU", x).relu()


class Tanh(Module):
    def forward(self, x: Tensor) -> Tensor:
        return _check_input("Tanh", x).tanh()


class Sigmoid(Module):
    def forward(self, x: Tensor) -> Tensor:
        return _check_input("Sigmoid", x).sigmoid()


class GELU(Module):
    def __init__(self, approximate: Literal["none", "tanh"] = "none") -> None:
        super().__init__()
        self.approximate = approximate

    def forward(self, x: Tensor) -> Tensor:
        return F.gelu(_check_input("GELU", x), self.approximate)


def _rng() -> np.random.Generator:
    return init.get_rng()
