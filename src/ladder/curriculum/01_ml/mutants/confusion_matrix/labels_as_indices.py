# mutant: uses the labels themselves as row and column numbers
import numpy as np


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    K = int(max(t.max(), p.max())) + 1
    C = np.zeros((K, K), dtype=int)
    np.add.at(C, (t, p), 1)
    return C
