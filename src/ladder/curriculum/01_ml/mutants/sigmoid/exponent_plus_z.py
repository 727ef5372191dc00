# mutant: exponent +z instead of -z
# likely: the exponent is −z
import numpy as np


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    return 1 / (1 + np.exp(z))
