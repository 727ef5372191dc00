# mutant: projects on the direction without normalising it
# likely: normalise the direction
import numpy as np


def neutralize(w, direction):
    w, g = np.asarray(w, dtype=float), np.asarray(direction, dtype=float)
    w = w / np.linalg.norm(w)
    r = w - (w @ g) * g
    return r / np.linalg.norm(r)
