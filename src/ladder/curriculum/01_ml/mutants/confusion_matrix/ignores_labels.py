# mutant: ignores the labels argument
# likely: use the labels= argument
import numpy as np


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    labels = np.unique(np.concatenate([t, p]))
    index = {label: i for i, label in enumerate(labels.tolist())}
    C = np.zeros((len(index), len(index)), dtype=int)
    for a, b in zip(t.tolist(), p.tolist(), strict=True):
        C[index[a], index[b]] += 1
    return C
