# mutant: calls np.linalg.lstsq, the library answer
# likely: numpy.linalg.lstsq
import numpy as np


def normal_equation(X, y) -> np.ndarray:
    return np.linalg.lstsq(np.asarray(X, dtype=float), np.asarray(y, dtype=float), rcond=None)[0]
