# mutant: does not clip rounding negatives before the square root
# likely: clip at 0 before np.sqrt
import numpy as np


def pairwise_distances(A, B, p=2) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if p == 2:
        sq = (A**2).sum(1)[:, None] - 2 * A @ B.T + (B**2).sum(1)[None, :]
        with np.errstate(invalid="ignore"):
            return np.sqrt(sq)
    return (np.abs(A[:, None, :] - B[None, :, :]) ** p).sum(-1) ** (1 / p)
