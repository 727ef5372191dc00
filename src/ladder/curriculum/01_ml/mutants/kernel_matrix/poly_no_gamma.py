# mutant: forgets gamma in the polynomial kernel
# likely: multiply aᵀb by gamma
import numpy as np


def kernel_matrix(A, B, kernel, gamma, degree, coef0) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    G = A @ B.T
    sq = np.maximum((A**2).sum(1)[:, None] - 2 * G + (B**2).sum(1)[None, :], 0.0)
    if kernel == "linear":
        return G
    if kernel == "rbf":
        return np.exp(-gamma * sq)
    if kernel == "poly":
        return (G + coef0) ** degree
    if kernel == "sigmoid":
        return np.tanh(gamma * G + coef0)
    raise ValueError(kernel)
