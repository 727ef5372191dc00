# mutant: TN / (TN + FN), the negative predictive value
# likely: the negative predictive value
import numpy as np


def specificity_score(y_true, y_pred, pos_label=1) -> float:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    true_pos, pred_pos = t == pos_label, p == pos_label
    c = {
        "tn": np.sum(~true_pos & ~pred_pos),
        "fp": np.sum(~true_pos & pred_pos),
        "fn": np.sum(true_pos & ~pred_pos),
        "tp": np.sum(true_pos & pred_pos),
    }
    return float(c["tn"] / (c["tn"] + c["fn"])) if c["tn"] + c["fn"] else 0.0
