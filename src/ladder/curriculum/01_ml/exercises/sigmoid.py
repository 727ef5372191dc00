"""The logistic sigmoid, computed without overflow.

    sigma(z) = 1 / (1 + exp(-z))

Work element-wise on an array of any shape and return a float array of the same shape.
``np.exp(-z)`` overflows (with a warning, giving inf) for z below about -709, so use the
two equal forms

    z >= 0:  1 / (1 + exp(-z))
    z <  0:  exp(z) / (1 + exp(z))

which only ever exponentiate -|z|. The matching library function is
``scipy.special.expit``.
"""

import numpy as np


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    # TODO: e = np.exp(-np.abs(z)); pick the right form for each sign with np.where.
    raise NotImplementedError
