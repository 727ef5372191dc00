# mutant: updates w in place with -= and returns it
# likely: changed its input
import numpy as np


def gradient_descent_step(X, y, w, learning_rate) -> np.ndarray:
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w -= learning_rate * (2 / len(y)) * X.T @ (X @ w - y)
    return w
