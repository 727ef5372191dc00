# mutant: uses fan_in alone (He's bound)
# likely: not fan_in alone
import math

import numpy as np

from ladder.nn.init import get_rng


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0, dtype=np.float32) -> np.ndarray:
    if len(shape) < 2:
        raise ValueError("xavier_uniform needs at least 2 dimensions")
    receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive  # noqa: F841
    a = gain * math.sqrt(6.0 / fan_in)
    return get_rng().uniform(-a, a, size=shape).astype(dtype)
