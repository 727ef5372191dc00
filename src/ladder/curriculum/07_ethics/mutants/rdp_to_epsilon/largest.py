# mutant: keeps the largest ε instead of the smallest
# likely: take the smallest ε over the orders
import math

import numpy as np


def rdp_to_epsilon(rdp, orders, delta: float) -> tuple:
    if not 0 < delta < 1:
        raise ValueError("delta")
    r, a = np.asarray(rdp, dtype=float), np.asarray(orders, dtype=float)
    if r.shape != a.shape:
        raise ValueError("lengths")
    eps = r + np.log((a - 1) / a) - (math.log(delta) + np.log(a)) / (a - 1)
    i = int(np.argmax(eps))
    return float(eps[i]), float(a[i])
