# mutant: the textbook form, which overflows (with a warning) for z = -1000
# likely: np.exp of a large positive number overflows
import numpy as np


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    return 1 / (1 + np.exp(-z))
