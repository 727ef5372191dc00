# mutant: divides by the n - 1 standard deviation cubed
# likely: population moment m2
import numpy as np


def skewness(x, bias=True) -> float:
    a = np.asarray(x, dtype=float).ravel()
    n = a.size
    d = a - a.mean()
    m3 = np.mean(d**3)
    g1 = m3 / np.std(a, ddof=1) ** 3
    return float(g1 if bias else g1 * np.sqrt(n * (n - 1)) / (n - 2))
