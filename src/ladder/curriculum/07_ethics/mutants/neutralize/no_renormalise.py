# mutant: does not normalise the result
# likely: normalise the result
import numpy as np


def neutralize(w, direction):
    w, g = np.asarray(w, dtype=float), np.asarray(direction, dtype=float)
    w, g = w / np.linalg.norm(w), g / np.linalg.norm(g)
    return w - (w @ g) * g
