# mutant: takes the fans from the first two axes only, ignoring the kernel area
# likely: multiply both fans by the kernel area
import math

import numpy as np

from ladder.nn.init import get_rng


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0, dtype=np.float32) -> np.ndarray:
    if len(shape) < 2:
        raise ValueError("xavier_uniform needs at least 2 dimensions")
    receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive  # noqa: F841
    a = gain * math.sqrt(6.0 / (shape[0] + shape[1]))
    return get_rng().uniform(-a, a, size=shape).astype(dtype)
