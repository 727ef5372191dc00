# mutant: never checks p, so p = 1 divides by zero instead of raising
import numpy as np

from ladder.autograd.tensor import Tensor


def dropout(x: Tensor, p: float = 0.5, training: bool = True, rng=None, mask=None) -> Tensor:
    if not training or p == 0.0:
        return x
    if mask is None:
        rng = rng if rng is not None else np.random.default_rng()
        mask = rng.random(x.shape) >= p
    with np.errstate(divide="ignore", invalid="ignore"):
        return x * Tensor((mask / (1.0 - p)).astype(x.dtype))
