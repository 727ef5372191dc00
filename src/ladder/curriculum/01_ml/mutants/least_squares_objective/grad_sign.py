# mutant: the residual y - X w inside the gradient
# likely: the sign: the residual inside
import numpy as np


def least_squares_objective(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]

    def f(w):
        return float(np.mean((X @ w - y) ** 2))

    def grad(w):
        return (2 / n) * X.T @ (y - X @ w)

    def hess(w):
        return (2 / n) * X.T @ X

    return f, grad, hess
