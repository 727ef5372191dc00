"""The normal equations.

Solve  X^T X w = X^T y  for w and return it as a 1-D float array of length p.

X has shape (n, p) and already contains a column of ones if an intercept is wanted.
Use ``np.linalg.solve`` on the p x p system rather than computing an inverse.
"""

import numpy as np


def normal_equation(X, y) -> np.ndarray:
    # TODO: build X^T X and X^T y, then solve the linear system.
    raise NotImplementedError
