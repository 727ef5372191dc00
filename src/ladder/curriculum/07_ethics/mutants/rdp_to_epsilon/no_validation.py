# mutant: no check on δ or on the lengths
import math

import numpy as np


def rdp_to_epsilon(rdp, orders, delta: float) -> tuple:
    n = min(len(rdp), len(orders))
    r, a = np.asarray(rdp[:n], dtype=float), np.asarray(orders[:n], dtype=float)
    with np.errstate(all="ignore"):
        eps = (
            r + np.log((a - 1) / a) - (math.log(delta) + np.log(a)) / (a - 1)
            if delta > 0
            else r * 0
        )
    i = int(np.argmin(eps))
    return float(eps[i]), float(a[i])
