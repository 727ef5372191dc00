# mutant: uses raw moments, not central ones
# likely: subtract the mean first
import numpy as np


def skewness(x, bias=True) -> float:
    a = np.asarray(x, dtype=float).ravel()
    n = a.size
    g1 = np.mean(a**3) / np.mean(a**2) ** 1.5
    return float(g1 if bias else g1 * np.sqrt(n * (n - 1)) / (n - 2))
