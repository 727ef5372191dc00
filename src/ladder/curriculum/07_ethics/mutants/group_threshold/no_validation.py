# mutant: accepts a rate outside [0, 1]
import numpy as np


def threshold_for_rate(scores, rate: float) -> float:
    desc = np.sort(np.asarray(scores, dtype=float))[::-1]
    k = int(round(rate * len(desc)))
    if k <= 0:
        return float("inf")
    if k >= len(desc):
        return float("-inf")
    return float((desc[k - 1] + desc[k]) / 2)
