# mutant: returns the (k+1)-th highest score instead of a midpoint
# likely: return the midpoint
import numpy as np


def threshold_for_rate(scores, rate: float) -> float:
    if not 0 <= rate <= 1:
        raise ValueError("rate must be in [0, 1]")
    desc = np.sort(np.asarray(scores, dtype=float))[::-1]
    k = int(round(rate * len(desc)))
    if k == 0:
        return float("inf")
    if k == len(desc):
        return float("-inf")
    return float(desc[k])
