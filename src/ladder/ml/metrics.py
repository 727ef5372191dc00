"""Evaluation metrics, written out so every formula is visible.

Each function matches its namesake in :mod:`sklearn.metrics` on the same inputs
(see ``tests/ml/test_metrics.py``). Regression: MSE, RMSE, MAE, R². Classification: the
confusion matrix and everything read off it (accuracy, precision, recall, specificity,
F1 with binary/macro/micro/weighted averaging, the report); from scores: ROC and PR
curves, their areas, and the log loss.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "mean_squared_error",
    "root_mean_squared_error",
    "mean_absolute_error",
    "r2_score",
    "confusion_matrix",
    "accuracy_score",
    "precision_recall_fscore_support",
    "precision_score",
    "recall_score",
    "f1_score",
    "specificity_score",
    "roc_curve",
    "auc",
    "roc_auc_score",
    "precision_recall_curve",
    "average_precision_score",
    "log_loss",
    "classification_report",
]


def _paired(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Return both arrays as float64 after checking they describe the same samples."""
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if t.shape != p.shape:
        raise ValueError(
            f"y_true has shape {t.shape} but y_pred has shape {p.shape}; "
            "pass one prediction per target."
        )
    if t.size == 0:
        raise ValueError("y_true is empty; a metric needs at least one sample.")
    return t, p


def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Mean squared error :math:`\frac{1}{n}\sum_i (y_i - \hat y_i)^2`.

    Same as ``sklearn.metrics.mean_squared_error`` (uniform average over outputs).

    >>> mean_squared_error([3.0, -0.5, 2.0], [2.5, 0.0, 2.0])
    0.16666666666666666
    """
    t, p = _paired(y_true, y_pred)
    return float(np.mean((t - p) ** 2))


def r2_score(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Coefficient of determination :math:`R^2 = 1 - SS_{res} / SS_{tot}`.

    :math:`SS_{res} = \sum_i (y_i - \hat y_i)^2`, :math:`SS_{tot} = \sum_i (y_i - \bar y)^2`.
    Same as ``sklearn.metrics.r2_score``; like it, a constant ``y_true`` gives 1.0 for a
    perfect prediction and 0.0 otherwise (the ratio is undefined).

    >>> r2_score([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    1.0
    """
    t, p = _paired(y_true, y_pred)
    ss_res = float(np.sum((t - p) ** 2))
    ss_tot = float(np.sum((t - t.mean(axis=0)) ** 2))
    if ss_tot == 0.0:
        return 1.0 if ss_res == 0.0 else 0.0
    return 1.0 - ss_res / ss_tot


def root_mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""RMSE :math:`\sqrt{\mathrm{MSE}}`, in the units of ``y``.

    Same as ``sklearn.metrics.root_mean_squared_error``.

    >>> root_mean_squared_error([0.0, 0.0], [3.0, 4.0])
    3.5355339059327378
    """
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def mean_absolute_error(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""MAE :math:`\frac1n\sum_i |y_i - \hat y_i|`; same as ``sklearn.metrics.mean_absolute_error``.

    >>> mean_absolute_error([1.0, 2.0], [2.0, 4.0])
    1.5
    """
    t, p = _paired(y_true, y_pred)
    return float(np.mean(np.abs(t - p)))


# --- classification: everything starts from the confusion matrix -----------------------


def _labels(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape or t.ndim != 1:
        raise ValueError(
            f"y_true has shape {t.shape} and y_pred {p.shape}; pass two 1-D arrays of "
            "labels of the same length."
        )
    if t.size == 0:
        raise ValueError("y_true is empty; a metric needs at least one sample.")
    return t, p


def confusion_matrix(
    y_true: ArrayLike, y_pred: ArrayLike, labels: ArrayLike | None = None
) -> np.ndarray:
    r"""``C[i, j]`` = number of samples of true class ``labels[i]`` predicted ``labels[j]``.

    Rows are the truth, columns the prediction, labels sorted unless given (as
    ``sklearn.metrics.confusion_matrix``). For two classes ``[[TN, FP], [FN, TP]]``.

    >>> confusion_matrix([0, 1, 1, 0], [0, 1, 0, 0])
    array([[2, 0],
           [1, 1]])
    """
    t, p = _labels(y_true, y_pred)
    labs = np.unique(np.concatenate([t, p])) if labels is None else np.asarray(labels)
    index = {lab: i for i, lab in enumerate(labs.tolist())}
    C = np.zeros((len(labs), len(labs)), dtype=np.int64)
    for a, b in zip(t.tolist(), p.tolist(), strict=True):
        if a in index and b in index:
            C[index[a], index[b]] += 1
    return C


def accuracy_score(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Fraction of exact matches; same as ``sklearn.metrics.accuracy_score``."""
    t, p = _labels(y_true, y_pred)
    return float(np.mean(t == p))


Average = Literal["binary", "micro", "macro", "weighted"] | None


def _per_class_counts(
    y_true: ArrayLike, y_pred: ArrayLike, labels: ArrayLike | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Labels and per-class true positives, predicted counts, true counts, negatives."""
    t, p = _labels(y_true, y_pred)
    labs = np.unique(np.concatenate([t, p])) if labels is None else np.asarray(labels)
    C = confusion_matrix(t, p, labels=labs)
    tp = np.diag(C).astype(np.float64)
    pred = C.sum(axis=0).astype(np.float64)  # TP + FP
    true = C.sum(axis=1).astype(np.float64)  # TP + FN = support
    tn = C.sum() - pred - true + tp
    return labs, tp, pred, true, tn


def _safe_div(num: np.ndarray, den: np.ndarray, zero_division: float) -> np.ndarray:
    out = np.full_like(num, float(zero_division), dtype=np.float64)
    np.divide(num, den, out=out, where=den != 0)
    return out


def precision_recall_fscore_support(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    average: Average = "binary",
    pos_label: Any = 1,
    labels: ArrayLike | None = None,
    zero_division: float = 0.0,
) -> tuple[Any, Any, Any, Any]:
    r"""Precision :math:`TP/(TP+FP)`, recall :math:`TP/(TP+FN)`, :math:`F_1` (their
    harmonic mean) and support, per class or averaged.

    ``average``: ``"binary"`` reports ``pos_label`` only; ``"micro"`` pools the counts
    over classes (equals accuracy for single-label problems); ``"macro"`` is the plain
    mean of per-class scores; ``"weighted"`` weights them by support; ``None`` returns
    arrays. Same as ``sklearn.metrics.precision_recall_fscore_support`` (a 0/0 gives
    ``zero_division``, 0 by default, without sklearn's warning).
    """
    if average not in ("binary", "micro", "macro", "weighted", None):
        raise ValueError(
            f"average={average!r} is not valid; choose 'binary', 'micro', 'macro', "
            "'weighted' or None."
        )
    labs, tp, pred, true, _ = _per_class_counts(y_true, y_pred, labels)
    if average == "binary":
        if labs.size > 2:
            raise ValueError(
                f"average='binary' needs two classes, found {labs.tolist()}; pass "
                "average='macro', 'micro' or 'weighted'."
            )
        if pos_label not in labs.tolist():
            raise ValueError(
                f"pos_label={pos_label!r} is not a label ({labs.tolist()}); pass one of them."
            )
        k = labs.tolist().index(pos_label)
        tp, pred, true = tp[k : k + 1], pred[k : k + 1], true[k : k + 1]
    if average == "micro":
        tp, pred, true = tp.sum(keepdims=True), pred.sum(keepdims=True), true.sum(keepdims=True)
    precision = _safe_div(tp, pred, zero_division)
    recall = _safe_div(tp, true, zero_division)
    # F1 = 2TP / (2TP + FP + FN), which is 2PR/(P+R) without the 0/0 trap.
    f1 = _safe_div(2 * tp, pred + true, zero_division)
    if average is None:
        return precision, recall, f1, true.astype(np.int64)
    if average == "weighted":
        if true.sum() == 0:
            return float(zero_division), float(zero_division), float(zero_division), None
        return (
            float(np.average(precision, weights=true)),
            float(np.average(recall, weights=true)),
            float(np.average(f1, weights=true)),
            None,
        )
    return float(precision.mean()), float(recall.mean()), float(f1.mean()), None


def precision_score(y_true: ArrayLike, y_pred: ArrayLike, **kwargs: Any) -> Any:
    """:math:`TP/(TP+FP)`; keyword arguments as :func:`precision_recall_fscore_support`."""
    return precision_recall_fscore_support(y_true, y_pred, **kwargs)[0]


def recall_score(y_true: ArrayLike, y_pred: ArrayLike, **kwargs: Any) -> Any:
    """:math:`TP/(TP+FN)` (sensitivity); keywords as :func:`precision_recall_fscore_support`."""
    return precision_recall_fscore_support(y_true, y_pred, **kwargs)[1]


def f1_score(y_true: ArrayLike, y_pred: ArrayLike, **kwargs: Any) -> Any:
    """:math:`2PR/(P+R)`; keywords as :func:`precision_recall_fscore_support`."""
    return precision_recall_fscore_support(y_true, y_pred, **kwargs)[2]


def specificity_score(y_true: ArrayLike, y_pred: ArrayLike, pos_label: Any = 1) -> float:
    r"""Specificity (true negative rate) :math:`TN / (TN + FP)` for a binary problem.

    The common mistake :math:`TN/(TN+FN)` is the *negative predictive value*, a
    different number. Equals ``recall_score(y_true, y_pred, pos_label=<negative>)``.

    >>> specificity_score([0, 0, 0, 1, 1], [0, 0, 1, 0, 1])  # TN=2, FP=1
    0.6666666666666666
    """
    t, p = _labels(y_true, y_pred)
    labs = np.unique(np.concatenate([t, p]))
    if labs.size != 2 or pos_label not in labs.tolist():
        raise ValueError(
            f"specificity needs two classes including pos_label={pos_label!r}, found "
            f"{labs.tolist()}; pass binary labels or set pos_label."
        )
    k = labs.tolist().index(pos_label)
    neg = 1 - k
    C = confusion_matrix(t, p, labels=labs)
    tn, fp = C[neg, neg], C[neg, k]
    return float(tn / (tn + fp)) if (tn + fp) else 0.0


# --- threshold-free scores from a continuous score ------------------------------------


def _binary_curve(
    y_true: ArrayLike, y_score: ArrayLike, pos_label: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cumulative false and true positives at each distinct threshold, high to low."""
    t = np.asarray(y_true)
    s = np.asarray(y_score, dtype=np.float64)
    if t.shape != s.shape or t.ndim != 1 or t.size == 0:
        raise ValueError(
            f"y_true {t.shape} and y_score {s.shape} must be non-empty 1-D arrays of the "
            "same length; pass one score per sample."
        )
    if not np.isfinite(s).all():
        raise ValueError("y_score contains NaN or infinity; pass finite scores.")
    if pos_label is None:
        classes = np.unique(t)
        if classes.size > 2:
            raise ValueError(f"y_true has labels {classes.tolist()}; a ROC/PR curve is binary.")
        pos_label = (
            1
            if set(classes.tolist()) <= {0, 1} or set(classes.tolist()) <= {-1, 1}
            else classes[-1]
        )
    pos = (t == pos_label).astype(np.float64)
    order = np.argsort(s, kind="mergesort")[::-1]  # highest score first, stable
    s, pos = s[order], pos[order]
    # A threshold sits at the last sample of each run of equal scores.
    last = np.r_[np.flatnonzero(np.diff(s)), s.size - 1]
    tps = np.cumsum(pos)[last]
    fps = (last + 1) - tps
    return fps, tps, s[last]


def roc_curve(
    y_true: ArrayLike, y_score: ArrayLike, pos_label: Any = None, drop_intermediate: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""False-positive rate :math:`FP/N` against true-positive rate :math:`TP/P` as the
    threshold falls from :math:`+\infty`. ``drop_intermediate`` removes points on a
    straight segment. Same arrays as ``sklearn.metrics.roc_curve``.
    """
    fps, tps, thr = _binary_curve(y_true, y_score, pos_label)
    if drop_intermediate and fps.size > 2:
        keep = np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True]
        fps, tps, thr = fps[keep], tps[keep], thr[keep]
    fps, tps = np.r_[0.0, fps], np.r_[0.0, tps]
    thr = np.r_[np.inf, thr]
    if fps[-1] == 0 or tps[-1] == 0:
        raise ValueError(
            "y_true holds one class only, so one of the rates is 0/0; pass both classes."
        )
    return fps / fps[-1], tps / tps[-1], thr


def auc(x: ArrayLike, y: ArrayLike) -> float:
    """Area under a curve by the trapezoidal rule (``sklearn.metrics.auc``)."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    area = float(np.trapezoid(y, x))
    return -area if np.all(np.diff(x) <= 0) else area


def roc_auc_score(y_true: ArrayLike, y_score: ArrayLike) -> float:
    r"""Area under the ROC curve: the probability that a random positive scores above a
    random negative (ties count one half). Binary only; same as
    ``sklearn.metrics.roc_auc_score``.

    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    fpr, tpr, _ = roc_curve(y_true, y_score, drop_intermediate=False)
    return auc(fpr, tpr)


def precision_recall_curve(
    y_true: ArrayLike, y_score: ArrayLike, pos_label: Any = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision and recall at every distinct threshold, recall decreasing, ending at
    (recall 0, precision 1). Same arrays as ``sklearn.metrics.precision_recall_curve``.
    """
    fps, tps, thr = _binary_curve(y_true, y_score, pos_label)
    precision = _safe_div(tps, tps + fps, 0.0)
    if tps[-1] == 0:
        raise ValueError("y_true has no positive sample, so recall is 0/0; pass both classes.")
    recall = tps / tps[-1]
    return np.r_[precision[::-1], 1.0], np.r_[recall[::-1], 0.0], thr[::-1]


def average_precision_score(y_true: ArrayLike, y_score: ArrayLike, pos_label: Any = 1) -> float:
    r"""PR AUC as a step sum :math:`\mathrm{AP} = \sum_k (R_k - R_{k-1}) P_k` (no
    interpolation), as ``sklearn.metrics.average_precision_score``.
    """
    precision, recall, _ = precision_recall_curve(y_true, y_score, pos_label=pos_label)
    return float(-np.sum(np.diff(recall) * precision[:-1]))


def log_loss(y_true: ArrayLike, y_proba: ArrayLike, labels: ArrayLike | None = None) -> float:
    r"""Cross-entropy :math:`-\frac1n\sum_i\sum_k [y_i = k]\log p_{ik}`.

    ``y_proba`` is (n, K) in the order of the sorted labels, or (n,) with the probability
    of the larger label. Probabilities are clipped to :math:`[\epsilon, 1-\epsilon]`
    (machine epsilon) as in ``sklearn.metrics.log_loss``.
    """
    t = np.asarray(y_true)
    P = np.asarray(y_proba, dtype=np.float64)
    labs = np.unique(t) if labels is None else np.asarray(labels)
    if P.ndim == 1:
        P = np.column_stack([1.0 - P, P])
    if P.shape != (t.shape[0], labs.size) or labs.size < 2:
        raise ValueError(
            f"y_proba has shape {np.shape(y_proba)} but there are {t.shape[0]} samples and "
            f"labels {labs.tolist()}; pass one probability per class (at least 2) per row."
        )
    if not np.allclose(P.sum(axis=1), 1.0, rtol=np.sqrt(np.finfo(np.float64).eps)):
        raise ValueError("the rows of y_proba do not sum to 1; pass probabilities.")
    eps = np.finfo(np.float64).eps
    P = np.clip(P, eps, 1 - eps)
    idx = np.searchsorted(labs, t)
    if np.any(idx >= labs.size) or np.any(labs[np.minimum(idx, labs.size - 1)] != t):
        raise ValueError(f"y_true holds labels outside {labs.tolist()}; pass labels=.")
    return float(-np.mean(np.log(P[np.arange(t.size), idx])))


def classification_report(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    target_names: list[str] | None = None,
    digits: int = 2,
    output_dict: bool = False,
) -> str | dict[str, Any]:
    """Per-class precision, recall, F1 and support, then accuracy, macro and weighted
    averages — the same text (and dict) as ``sklearn.metrics.classification_report``.
    """
    t, p = _labels(y_true, y_pred)
    labs = np.unique(np.concatenate([t, p]))
    names = [str(lab) for lab in labs] if target_names is None else list(target_names)
    if len(names) != labs.size:
        raise ValueError(
            f"{labs.size} classes but {len(names)} target_names; pass one name per class."
        )
    headers = ["precision", "recall", "f1-score", "support"]
    prec, rec, f1, sup = precision_recall_fscore_support(t, p, average=None)
    rows = list(zip(names, prec, rec, f1, sup, strict=True))
    avgs = {
        "accuracy": accuracy_score(t, p),
        "macro avg": precision_recall_fscore_support(t, p, average="macro")[:3],
        "weighted avg": precision_recall_fscore_support(t, p, average="weighted")[:3],
    }
    total = int(sup.sum())
    if output_dict:
        out: dict[str, Any] = {
            r[0]: dict(zip(headers, [float(v) for v in r[1:]], strict=True)) for r in rows
        }
        out["accuracy"] = avgs["accuracy"]
        for key in ("macro avg", "weighted avg"):
            out[key] = dict(zip(headers, [*avgs[key], float(total)], strict=True))
        return out
    width = max(max(len(n) for n in names), len("weighted avg"), digits)
    row = "{:>{w}s} " + " {:>9.{d}f}" * 3 + " {:>9}\n"
    text = ("{:>{w}s} " + " {:>9}" * 4).format("", *headers, w=width) + "\n\n"
    for r in rows:
        text += row.format(*r, w=width, d=digits)
    text += "\n"
    acc_row = "{:>{w}s} " + " {:>9.{d}}" * 2 + " {:>9.{d}f}" + " {:>9}\n"
    text += acc_row.format("accuracy", "", "", avgs["accuracy"], total, w=width, d=digits)
    for key in ("macro avg", "weighted avg"):
        text += row.format(key, *avgs[key], total, w=width, d=digits)
    return text
