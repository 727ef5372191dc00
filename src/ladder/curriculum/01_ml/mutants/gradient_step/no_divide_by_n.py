# mutant: uses the gradient of the sum, not the mean
# likely: divide the gradient by the number of samples
import numpy as np


def gradient_descent_step(X, y, w, learning_rate) -> np.ndarray:
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    return w - learning_rate * 2 * X.T @ (X @ w - y)
