# mutant: sorts the labels even when labels= gives their order
# likely: keep the order labels= gives
import numpy as np


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    labels = np.unique(np.concatenate([t, p]) if labels is None else np.asarray(labels))
    index = {label: i for i, label in enumerate(labels.tolist())}
    C = np.zeros((len(labels), len(labels)), dtype=int)
    for a, b in zip(t.tolist(), p.tolist(), strict=True):
        if a in index and b in index:
            C[index[a], index[b]] += 1
    return C
