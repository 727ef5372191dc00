# mutant: the original conversion ρ + log(1/δ)/(α − 1)
# likely: that is the original conversion
import math

import numpy as np


def rdp_to_epsilon(rdp, orders, delta: float) -> tuple:
    if not 0 < delta < 1:
        raise ValueError("delta")
    r, a = np.asarray(rdp, dtype=float), np.asarray(orders, dtype=float)
    if r.shape != a.shape:
        raise ValueError("lengths")
    eps = r + math.log(1 / delta) / (a - 1)
    i = int(np.argmin(eps))
    return float(eps[i]), float(a[i])
