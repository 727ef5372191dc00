"""The least-squares objective, its gradient and its Hessian.

    f(w)    = (1/n) * ||X w - y||^2
    grad(w) = (2/n) * X^T (X w - y)
    hess(w) = (2/n) * X^T X            (the same for every w)

Return the three as functions of ``w``: ``(f, grad, hess)``. ``f`` returns a Python
float, ``grad`` an array of shape (p,), ``hess`` an array of shape (p, p). Every
optimiser in ``ladder.ml.optim`` can then be tried on this problem, whose minimiser is
known from the normal equations.
"""

import numpy as np


def least_squares_objective(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    # TODO: define f(w), grad(w) and hess(w) (nested functions or lambdas) and return them.
    raise NotImplementedError
