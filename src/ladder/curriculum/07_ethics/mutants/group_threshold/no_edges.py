# mutant: clamps k into range instead of returning ±inf at the edges
import numpy as np


def threshold_for_rate(scores, rate: float) -> float:
    if not 0 <= rate <= 1:
        raise ValueError("rate must be in [0, 1]")
    desc = np.sort(np.asarray(scores, dtype=float))[::-1]
    k = min(max(int(round(rate * len(desc))), 1), len(desc) - 1)
    return float((desc[k - 1] + desc[k]) / 2)
