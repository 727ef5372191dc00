r"""Residual connections (He, Zhang, Ren & Sun 2015): a block adds its input to its output,

.. math:: y = x + F(x), \qquad \frac{\partial y}{\partial x} = I + \frac{\partial F}{\partial x},

so every block passes the gradient back unchanged along the identity, whatever
:math:`F` does to it, and a block whose :math:`F` is near 0 is near the identity: a deep
residual network starts out behaving like a shallow one.

* :class:`Residual` wraps any module ``f``: ``x + f(x)`` (shapes must match).
* :class:`BasicBlock` is ResNet-18/34's block for images: two 3×3 convolutions with batch
  norm, ``relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))``. The shortcut is the
  identity, or — when the block halves the resolution (``stride=2``) or changes the
  number of channels — a 1×1 convolution with that stride and a batch norm (the
  "projection shortcut", option B of the paper). Convolutions have no bias: batch norm's
  :math:`\beta` plays that role. Same layout and parameter names as torchvision's
  ``BasicBlock`` (``conv1``, ``bn1``, ``conv2``, ``bn2``, ``downsample.0``,
  ``downsample.1``), so weights copy across; ``tests/nn/test_resnet.py`` checks outputs
  and gradients against a PyTorch twin in training and evaluation mode.
"""

from __future__ import annotations

from ladder.autograd.tensor import Tensor
from ladder.nn.layers import Conv2d
from ladder.nn.module import Module, Sequential
from ladder.nn.norm import BatchNorm2d

__all__ = ["Residual", "BasicBlock"]


class Residual(Module):
    """``x + f(x)``: a residual connection around any module."""

    def __init__(self, f: Module) -> None:
        super().__init__()
        self.f = f

    def forward(self, x: Tensor) -> Tensor:
        out = self.f(x)
        if out.shape != x.shape:
            raise ValueError(
                f"Residual: the wrapped module maps {x.shape} to {out.shape}; a residual "
                "connection needs the same shape (use a projection shortcut otherwise)."
            )
        return x + out


class BasicBlock(Module):
    """ResNet's basic block: two 3×3 conv + batch norm layers and a shortcut."""

    def __init__(self, in_channels: int, out_channels: int, stride: int = 1) -> None:
        super().__init__()
        if stride not in (1, 2):
            raise ValueError(f"BasicBlock: stride must be 1 or 2, got {stride!r}.")
        self.conv1 = Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
        self.bn1 = BatchNorm2d(out_channels)
        self.conv2 = Conv2d(out_channels, out_channels, 3, stride=1, padding=1, bias=False)
        self.bn2 = BatchNorm2d(out_channels)
        self.downsample = (
            Sequential(
                Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
                BatchNorm2d(out_channels),
            )
            if stride != 1 or in_channels != out_channels
            else None
        )

    def forward(self, x: Tensor) -> Tensor:
        out = self.bn1(self.conv1(x)).relu()
        out = self.bn2(self.conv2(out))
        shortcut = x if self.downsample is None else self.downsample(x)
        return (out + shortcut).relu()
