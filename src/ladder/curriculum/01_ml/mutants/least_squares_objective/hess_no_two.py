# mutant: the Hessian drops the factor 2
# likely: the Hessian of (1/n)||Xw - y||² has a factor 2
import numpy as np


def least_squares_objective(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]

    def f(w):
        return float(np.mean((X @ w - y) ** 2))

    def grad(w):
        return (2 / n) * X.T @ (X @ w - y)

    def hess(w):
        return X.T @ X / n

    return f, grad, hess
