"""Soft-thresholding: the lasso's coordinate update.

    S(z, t) = sign(z) * max(|z| - t, 0)

It shrinks z towards 0 by t and sets it to exactly 0 when |z| <= t. In coordinate
descent for the lasso, each weight becomes S(x_j^T r_j / n, alpha) / (||x_j||^2 / n).
z and t are floats (t >= 0); return a Python float. It is the proximal operator of
t * |w| (see ``sklearn.linear_model.Lasso``).
"""

import numpy as np


def soft_threshold(z: float, t: float) -> float:
    # TODO: shrink |z| by t, clip at 0, put the sign back.
    raise NotImplementedError
