# mutant: moves z away from 0 by t
# likely: shrink towards 0
import numpy as np


def soft_threshold(z: float, t: float) -> float:
    return float(np.sign(z) * (abs(z) + t) if abs(z) > t else 0.0)
