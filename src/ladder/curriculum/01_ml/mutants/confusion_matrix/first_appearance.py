# mutant: labels in order of first appearance
# likely: sort the labels
import numpy as np


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if labels is None:
        labels = list(dict.fromkeys(np.concatenate([t, p]).tolist()))
    index = {label: i for i, label in enumerate(np.asarray(labels).tolist())}
    C = np.zeros((len(index), len(index)), dtype=int)
    for a, b in zip(t.tolist(), p.tolist(), strict=True):
        if a in index and b in index:
            C[index[a], index[b]] += 1
    return C
