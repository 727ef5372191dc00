# mutant: returns the projection on the direction instead of removing it
# likely: you returned the projection
import numpy as np


def neutralize(w, direction):
    w, g = np.asarray(w, dtype=float), np.asarray(direction, dtype=float)
    w, g = w / np.linalg.norm(w), g / np.linalg.norm(g)
    return (w @ g) * g
