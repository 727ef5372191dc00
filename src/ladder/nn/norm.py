r"""Normalisation layers: ``LayerNorm``, ``BatchNorm1d``, ``BatchNorm2d``.

Both standardise and then rescale:

.. math:: y = \gamma\,\frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta,

with the *biased* variance (divide by :math:`n`). They differ in what they average over:

* **LayerNorm** (Ba et al. 2016, arXiv:1607.06450): over the last feature axes of each
  example — the same in training and evaluation; the transformer's norm.
* **BatchNorm** (Ioffe & Szegedy 2015, arXiv:1502.03167): over the batch (and the spatial
  axes for 2-D), per channel. In training it also updates running estimates
  :math:`\hat\mu \leftarrow (1-m)\hat\mu + m\mu` and the same for the variance, but with
  the *unbiased* batch variance (:math:`n/(n-1)`), as PyTorch does; evaluation uses them.

Built from :mod:`ladder.autograd` primitives, so the backward is derived automatically;
parity with ``torch.nn.LayerNorm``/``BatchNorm1d``/``BatchNorm2d`` is tested (outputs,
gradients and running statistics).
"""

from __future__ import annotations

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.nn.module import Module, Parameter

__all__ = ["LayerNorm", "BatchNorm1d", "BatchNorm2d"]


class LayerNorm(Module):
    """Normalise over the last ``len(normalized_shape)`` axes (``torch.nn.LayerNorm``)."""

    def __init__(
        self,
        normalized_shape: int | tuple[int, ...],
        eps: float = 1e-5,
        elementwise_affine: bool = True,
        dtype=np.float32,
    ) -> None:
        super().__init__()
        shape = (normalized_shape,) if isinstance(normalized_shape, int) else normalized_shape
        self.normalized_shape, self.eps = tuple(shape), eps
        if elementwise_affine:
            self.weight = Parameter(np.ones(shape, dtype=dtype))
            self.bias = Parameter(np.zeros(shape, dtype=dtype))
        else:
            self.weight = self.bias = None

    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        if x.shape[-k:] != self.normalized_shape:
            raise ValueError(
                f"LayerNorm{self.normalized_shape}: input shape {x.shape} does not end with "
                f"{self.normalized_shape}. Set normalized_shape to the trailing feature axes."
            )
        axes = tuple(range(x.ndim - k, x.ndim))
        mu = x.mean(axis=axes, keepdims=True)
        var = x.var(axis=axes, correction=0, keepdims=True)
        y = (x - mu) / (var + self.eps).sqrt()
        return y * self.weight + self.bias if self.weight is not None else y


class _BatchNorm(Module):
    _input_ndims: tuple[int, ...] = ()

    def __init__(
        self,
        num_features: int,
        eps: float = 1e-5,
        momentum: float = 0.1,
        affine: bool = True,
        dtype=np.float32,
    ) -> None:
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        if affine:
            self.weight = Parameter(np.ones(num_features, dtype=dtype))
            self.bias = Parameter(np.zeros(num_features, dtype=dtype))
        else:
            self.weight = self.bias = None
        self.register_buffer("running_mean", np.zeros(num_features, dtype=dtype))
        self.register_buffer("running_var", np.ones(num_features, dtype=dtype))
        self.register_buffer("num_batches_tracked", np.array(0, dtype=np.int64))

    def forward(self, x: Tensor) -> Tensor:
        name = type(self).__name__
        if x.ndim not in self._input_ndims or x.shape[1] != self.num_features:
            raise ValueError(
                f"{name}({self.num_features}): input shape {x.shape}; expected "
                f"{' or '.join(f'{n}-D' for n in self._input_ndims)} input with "
                f"{self.num_features} channels on axis 1. Check num_features and the layout."
            )
        axes = (0, *range(2, x.ndim))  # everything but the channel axis
        shape = [1] * x.ndim
        shape[1] = self.num_features
        if self.training:
            n = x.size // self.num_features
            if n < 2:
                raise ValueError(
                    f"{name}: a batch of shape {x.shape} has one value per channel, so its "
                    "variance is undefined. Use a batch of at least 2, or call eval()."
                )
            mu = x.mean(axis=axes, keepdims=True)
            var = x.var(axis=axes, correction=0, keepdims=True)
            m = self.momentum
            rm = (1 - m) * self.running_mean + m * mu.data.reshape(-1)
            rv = (1 - m) * self.running_var + m * var.data.reshape(-1) * n / (n - 1)
            object.__setattr__(self, "running_mean", rm.astype(self.running_mean.dtype))
            object.__setattr__(self, "running_var", rv.astype(self.running_var.dtype))
            object.__setattr__(self, "num_batches_tracked", self.num_batches_tracked + 1)
            y = (x - mu) / (var + self.eps).sqrt()
        else:
            mu = self.running_mean.reshape(shape).astype(x.dtype)
            std = np.sqrt(self.running_var.reshape(shape) + self.eps).astype(x.dtype)
            y = (x - mu) / std
        if self.weight is None:
            return y
        return y * self.weight.reshape(shape) + self.bias.reshape(shape)


class BatchNorm1d(_BatchNorm):
    """Batch norm over ``(N, C)`` or ``(N, C, L)`` (``torch.nn.BatchNorm1d``)."""

    _input_ndims = (2, 3)


class BatchNorm2d(_BatchNorm):
    """Batch norm over ``(N, C, H, W)``, per channel (``torch.nn.BatchNorm2d``)."""

    _input_ndims = (4,)
