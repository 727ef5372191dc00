r"""ResNet's basic block (He et al. 2015).

The layers are built for you in ``__init__``; write ``forward``:

    out = relu(bn1(conv1(x)))
    out = bn2(conv2(out))
    y   = relu(out + shortcut(x))

``shortcut(x)`` is ``x`` itself when ``self.downsample`` is ``None``, and
``self.downsample(x)`` (a 1×1 convolution with the block's stride, then batch norm)
when the block changes the resolution or the number of channels — otherwise ``x`` and
``out`` could not be added. Note where the last ReLU goes: after the sum, so the
shortcut's values pass through it too. ``x`` is a ``Tensor`` of shape (N, C, H, W);
``Tensor.relu()`` is the activation. The matching library class is
``ladder.nn.resnet.BasicBlock`` (torchvision's ``BasicBlock``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from ladder.autograd.tensor import Tensor
from ladder.nn.layers import Conv2d
from ladder.nn.module import Module, Sequential
from ladder.nn.norm import BatchNorm2d


class BasicBlock(Module):
    def __init__(self, in_channels: int, out_channels: int, stride: int = 1) -> None:
        super().__init__()
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
        # TODO: the three lines above, with the right shortcut.
        raise NotImplementedError
