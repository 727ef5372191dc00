# mutant: zeroes the dropped elements but does not scale the survivors
# likely: scale the survivors by 1 / (1 − p)
import numpy as np

from ladder.autograd.tensor import Tensor


def dropout(x: Tensor, p: float = 0.5, training: bool = True, rng=None, mask=None) -> Tensor:
    if not 0.0 <= p < 1.0:
        raise ValueError(f"p must lie in [0, 1), got {p}")
    if not training or p == 0.0:
        return x
    if mask is None:
        rng = rng if rng is not None else np.random.default_rng()
        mask = rng.random(x.shape) >= p
    return x * Tensor(mask.astype(x.dtype))
