# mutant: ignores the bias argument
# likely: with bias=False multiply
import numpy as np


def skewness(x, bias=True) -> float:
    a = np.asarray(x, dtype=float).ravel()
    d = a - a.mean()
    m2, m3 = np.mean(d**2), np.mean(d**3)
    g1 = m3 / m2**1.5
    return float(g1)
