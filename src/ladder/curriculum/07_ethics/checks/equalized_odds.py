"""Checks for the equalized-odds-difference exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def _rates(y, p, g):
    groups = sorted(set(g))
    y, p, g = np.asarray(y), np.asarray(p), np.asarray(g)
    tpr = [p[(g == a) & (y == 1)].mean() for a in groups]
    fpr = [p[(g == a) & (y == 0)].mean() for a in groups]
    sel_neg = [p[g == a].mean() for a in groups]
    return np.array(tpr), np.array(fpr), np.array(sel_neg)


def check_worked_example(submitted, reference):
    """the lesson's example: TPR gap 0.5, FPR gap 0, answer 0.5"""
    y = [1, 1, 0, 0, 1, 1, 0, 0]
    p = [1, 0, 1, 0, 1, 1, 1, 0]
    g = ["a"] * 4 + ["b"] * 4
    expect_close(
        submitted(list(y), list(p), sensitive_features=list(g)),
        reference(list(y), list(p), sensitive_features=list(g)),
        inputs={"y_true": y, "y_pred": p, "sensitive_features": g},
    )


def check_fpr_gap_larger(submitted, reference):
    """takes the larger gap when the FPR gap is the larger one"""
    # group u: TPR 2/3, FPR 1/4; group v: TPR 3/4, FPR 3/5
    y = [1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    p = [1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0]
    g = ["u"] * 7 + ["v"] * 9
    tpr, fpr, sel = _rates(y, p, g)
    tgap, fgap = np.ptp(tpr), np.ptp(fpr)
    expect_close(
        submitted(list(y), list(p), sensitive_features=list(g)),
        reference(list(y), list(p), sensitive_features=list(g)),
        inputs={"y_true": y, "y_pred": p, "sensitive_features": g},
        mistakes=[
            (tgap, "that is only the TPR gap; equalized odds also compares the FPRs"),
            (tgap + fgap, "take the larger of the two gaps, not their sum"),
            ((tgap + fgap) / 2, "take the larger of the two gaps, not their mean"),
            (np.ptp(sel), "that is the selection-rate gap; condition on the true label"),
        ],
    )


def check_random_three_groups(submitted, reference):
    """matches the reference on 400 people in three groups"""
    rng = np.random.default_rng(2)
    g = rng.choice(["x", "y", "z"], 400)
    y = rng.integers(0, 2, 400)
    p = (rng.random(400) < 0.3 + 0.4 * y - 0.1 * (g == "z")).astype(int)
    expect_close(
        submitted(y.copy(), p.copy(), sensitive_features=g.copy()),
        reference(y.copy(), p.copy(), sensitive_features=g.copy()),
        inputs="400 random people in groups x, y, z (seed 2)",
    )
