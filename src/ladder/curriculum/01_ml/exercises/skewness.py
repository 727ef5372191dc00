"""Sample skewness of residuals.

With m_r = (1/n) * sum_i (x_i - mean(x))**r, the r-th central moment,

    g1 = m3 / m2**1.5                           (bias=True)
    G1 = g1 * sqrt(n * (n - 1)) / (n - 2)       (bias=False, the adjusted estimator)

0 for a symmetric sample; positive when the right tail is longer. Return a Python
float. The matching library function is ``scipy.stats.skew``.
"""

import numpy as np


def skewness(x, bias=True) -> float:
    a = np.asarray(x, dtype=float).ravel()
    # TODO: central moments m2 and m3, then g1 (and G1 when bias is False).
    raise NotImplementedError
