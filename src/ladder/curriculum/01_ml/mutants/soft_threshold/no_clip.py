# mutant: does not clip at 0
# likely: clip at 0
import numpy as np


def soft_threshold(z: float, t: float) -> float:
    return float(np.sign(z) * (abs(z) - t))
