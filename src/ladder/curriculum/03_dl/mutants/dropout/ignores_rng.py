# mutant: draws from a fresh generator, ignoring the rng it is given
import numpy as np

from ladder.autograd.tensor import Tensor


def dropout(x: Tensor, p: float = 0.5, training: bool = True, rng=None, mask=None) -> Tensor:
    if not 0.0 <= p < 1.0:
        raise ValueError(f"p must lie in [0, 1), got {p}")
    if not training or p == 0.0:
        return x
    if mask is None:
        mask = np.random.default_rng().random(x.shape) >= p
    return x * Tensor((mask / (1.0 - p)).astype(x.dtype))
