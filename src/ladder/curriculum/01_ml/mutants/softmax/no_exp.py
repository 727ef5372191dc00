# mutant: normalises the raw scores without exponentiating
# likely: exponentiate the scores
import numpy as np


def softmax(Z) -> np.ndarray:
    Z = np.asarray(Z, dtype=float)
    return Z / Z.sum(axis=1, keepdims=True)
