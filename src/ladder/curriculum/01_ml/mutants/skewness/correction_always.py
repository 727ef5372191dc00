# mutant: applies the small-sample correction whatever bias says
# likely: only when bias is False
import numpy as np


def skewness(x, bias=True) -> float:
    a = np.asarray(x, dtype=float).ravel()
    n = a.size
    d = a - a.mean()
    m2, m3 = np.mean(d**2), np.mean(d**3)
    g1 = m3 / m2**1.5
    return float(g1 * np.sqrt(n * (n - 1)) / (n - 2))
