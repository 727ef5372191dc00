# mutant: ignores t and shrinks by 1
import numpy as np


def soft_threshold(z: float, t: float) -> float:
    return float(np.sign(z) * max(abs(z) - 1.0, 0.0))
