# mutant: forgets the square root for p = 2
# likely: take the square root
import numpy as np


def pairwise_distances(A, B, p=2) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if p == 2:
        sq = (A**2).sum(1)[:, None] - 2 * A @ B.T + (B**2).sum(1)[None, :]
        return np.maximum(sq, 0.0)
    return (np.abs(A[:, None, :] - B[None, :, :]) ** p).sum(-1) ** (1 / p)
