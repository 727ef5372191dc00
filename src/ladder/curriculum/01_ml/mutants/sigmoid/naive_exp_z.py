# mutant: exp(z) / (1 + exp(z)) everywhere: inf / inf = nan for z = 1000
# likely: an overflow turned into nan
import numpy as np


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    with np.errstate(all="ignore"):
        return np.exp(z) / (1 + np.exp(z))
