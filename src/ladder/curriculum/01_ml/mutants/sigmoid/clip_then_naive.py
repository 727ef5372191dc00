# mutant: clips z to [-30, 30] before the naive form
import numpy as np


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    z = np.clip(z, -30.0, 30.0)
    return 1 / (1 + np.exp(-z))
