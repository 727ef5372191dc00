# mutant: (learner's try) draws the keep-mask with rng.binomial instead of rng.random(shape) >= p
import numpy as np

from ladder.autograd.tensor import Tensor


def dropout(x: Tensor, p: float = 0.5, training: bool = True, rng=None, mask=None) -> Tensor:
    if p < 0 or p >= 1:
        raise ValueError("p must be in [0, 1)")
    if not training or p == 0:
        return x
    if mask is None:
        rng = np.random.default_rng() if rng is None else rng
        mask = rng.binomial(1, 1 - p, size=x.shape).astype(bool)
    return x * Tensor(mask.astype(x.dtype) / (1 - p))
