# mutant: f has a factor 1/2
# likely: no factor 1/2
import numpy as np


def least_squares_objective(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]

    def f(w):
        return 0.5 * float(np.mean((X @ w - y) ** 2))

    def grad(w):
        return (2 / n) * X.T @ (X @ w - y)

    def hess(w):
        return (2 / n) * X.T @ X

    return f, grad, hess
