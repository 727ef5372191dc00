# mutant: raises the signed differences to the power p (no absolute value)
# likely: take |a − b| before the power
import numpy as np


def pairwise_distances(A, B, p=2) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    with np.errstate(invalid="ignore"):
        return ((A[:, None, :] - B[None, :, :]) ** p).sum(-1) ** (1 / p)
