"""Xavier/Glorot uniform initialisation (Glorot & Bengio 2010).

For a weight of ``shape`` (out, in, *kernel): the receptive field is the product of the
kernel sizes (1 for a linear layer), fan_in = in * receptive, fan_out = out * receptive.
Draw uniformly on [-a, a] with

    a = gain * sqrt(6 / (fan_in + fan_out))

using ``get_rng().uniform(-a, a, size=shape)`` (the shared generator, so that
``manual_seed`` makes results reproducible) and return it as ``dtype``. Raise
``ValueError`` for a shape with fewer than 2 axes. The matching library function is
``torch.nn.init.xavier_uniform_``.
"""

import math

import numpy as np

from ladder.nn.init import get_rng


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0, dtype=np.float32) -> np.ndarray:
    # TODO
    raise NotImplementedError
