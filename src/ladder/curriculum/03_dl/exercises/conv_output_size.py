"""The output length of a convolution or pooling along one axis.

With input length ``size``, kernel ``kernel``, stride ``stride`` and zero padding
``padding`` on both sides, the window fits at

    floor((size + 2 * padding - kernel) / stride) + 1

positions. Return that integer. (PyTorch documents the same formula for ``nn.Conv2d``.)
"""


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    # TODO
    raise NotImplementedError
