# mutant: divides by m2 squared
# likely: the denominator is m2 ** 1.5
import numpy as np


def skewness(x, bias=True) -> float:
    a = np.asarray(x, dtype=float).ravel()
    n = a.size
    d = a - a.mean()
    m2, m3 = np.mean(d**2), np.mean(d**3)
    g1 = m3 / m2**2
    return float(g1 if bias else g1 * np.sqrt(n * (n - 1)) / (n - 2))
