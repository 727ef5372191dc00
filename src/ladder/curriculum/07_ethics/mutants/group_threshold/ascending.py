# mutant: sorts from lowest to highest, so it selects the wrong number of people
# likely: sort from highest to lowest
import numpy as np


def threshold_for_rate(scores, rate: float) -> float:
    if not 0 <= rate <= 1:
        raise ValueError("rate must be in [0, 1]")
    asc = np.sort(np.asarray(scores, dtype=float))
    k = int(round(rate * len(asc)))
    if k == 0:
        return float("inf")
    if k == len(asc):
        return float("-inf")
    return float((asc[k - 1] + asc[k]) / 2)
