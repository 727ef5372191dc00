# mutant: always the Euclidean distance, whatever p
# likely: use the p argument
import numpy as np


def pairwise_distances(A, B, p=2) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    sq = (A**2).sum(1)[:, None] - 2 * A @ B.T + (B**2).sum(1)[None, :]
    return np.sqrt(np.maximum(sq, 0.0))
