"""Group fairness metrics: the same rate, measured separately in each group.

A binary classifier's predictions :math:`\\hat y` are compared across the groups of a
sensitive attribute :math:`A` (gender, age band, …). Every metric here is a rate read off
a per-group confusion matrix:

* selection rate :math:`P(\\hat y = 1 \\mid A = a)` — demographic parity asks it be equal;
* true positive rate :math:`P(\\hat y = 1 \\mid Y = 1, A = a)` — equal opportunity;
* false positive rate :math:`P(\\hat y = 1 \\mid Y = 0, A = a)` — with the TPR, equalized odds;
* calibration :math:`P(Y = 1 \\mid s(X) = p, A = a) = p` for scores :math:`s`.

A disparity summarises a rate over groups as the largest difference
:math:`\\max_a r_a - \\min_a r_a` (or the smallest ratio :math:`\\min_a r_a / \\max_a r_a`;
the US "four-fifths rule" flags a selection-rate ratio under 0.8). :class:`MetricFrame`
holds any metrics by group, as ``fairlearn.metrics.MetricFrame`` does, and every function
equals its namesake in :mod:`fairlearn.metrics` on the same inputs
(``tests/ethics/test_metrics.py``).

Unlike fairlearn, which returns NaN with a warning, a group too small to measure (one
member) or a rate that does not exist in a group (a TPR without positives) is an error
naming the group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ladder.ethics._validation import as_1d, binary_labels, group_values, plain, same_length

__all__ = [
    "selection_rate",
    "selection_rate_by_group",
    "true_positive_rate",
    "false_positive_rate",
    "false_negative_rate",
    "true_negative_rate",
    "MetricFrame",
    "demographic_parity_difference",
    "demographic_parity_ratio",
    "equalized_odds_difference",
    "equalized_odds_ratio",
    "equal_opportunity_difference",
    "equal_opportunity_ratio",
    "false_positive_rate_difference",
    "false_negative_rate_difference",
    "calibration_by_group",
]

Metric = Callable[[np.ndarray, np.ndarray], float]


def _pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    t, p = as_1d(y_true, "y_true"), as_1d(y_pred, "y_pred")
    same_length(y_true=t, y_pred=p)
    return t, p


def selection_rate(y_true: ArrayLike, y_pred: ArrayLike, *, pos_label: Any = 1) -> float:
    """Fraction of predictions equal to ``pos_label``: :math:`P(\\hat y = 1)`.

    ``y_true`` is unused (kept so every metric has the same signature, as in fairlearn).

    >>> selection_rate([0, 1, 1, 0], [1, 1, 0, 0])
    0.5
    """
    _, p = _pair(y_true, y_pred)
    return float(np.mean(p == pos_label))


def selection_rate_by_group(
    y_pred: ArrayLike, sensitive_features: ArrayLike, *, pos_label: Any = 1
) -> dict[Any, float]:
    """``{group: P(ŷ = pos_label | A = group)}`` for each group, in sorted group order.

    >>> selection_rate_by_group([1, 0, 1, 1, 0], ["b", "b", "a", "a", "a"])
    {'a': 0.6666666666666666, 'b': 0.5}
    """
    p = as_1d(y_pred, "y_pred")
    g = as_1d(sensitive_features, "sensitive_features")
    same_length(y_pred=p, sensitive_features=g)
    return {plain(a): float(np.mean(p[g == a] == pos_label)) for a in group_values(g)}


def _rate(
    y_true: ArrayLike, y_pred: ArrayLike, pos_label: Any, actual: bool, predicted: bool, name: str
) -> float:
    t, p = _pair(y_true, y_pred)
    t_pos = binary_labels(t, "y_true", pos_label)
    p_pos = binary_labels(p, "y_pred", pos_label)
    given = t_pos == actual
    if not given.any():
        which = "positive" if actual else "negative"
        raise ValueError(
            f"y_true has no {which} samples, so the {name} is undefined; "
            f"measure it on data with both classes."
        )
    return float(np.mean(p_pos[given] == predicted))


def true_positive_rate(y_true: ArrayLike, y_pred: ArrayLike, *, pos_label: Any = 1) -> float:
    """Recall: :math:`TP / (TP + FN)`, the share of actual positives predicted positive."""
    return _rate(y_true, y_pred, pos_label, True, True, "true positive rate")


def false_positive_rate(y_true: ArrayLike, y_pred: ArrayLike, *, pos_label: Any = 1) -> float:
    """:math:`FP / (FP + TN)`: the share of actual negatives predicted positive."""
    return _rate(y_true, y_pred, pos_label, False, True, "false positive rate")


def false_negative_rate(y_true: ArrayLike, y_pred: ArrayLike, *, pos_label: Any = 1) -> float:
    """:math:`FN / (TP + FN) = 1 - TPR`."""
    return _rate(y_true, y_pred, pos_label, True, False, "false negative rate")


def true_negative_rate(y_true: ArrayLike, y_pred: ArrayLike, *, pos_label: Any = 1) -> float:
    """Specificity :math:`TN / (TN + FP) = 1 - FPR`."""
    return _rate(y_true, y_pred, pos_label, False, False, "true negative rate")


class MetricFrame:
    """Metrics computed overall and within each group of ``sensitive_features``.

    ``metrics`` is one callable ``metric(y_true, y_pred) -> float`` or a dict of them.
    With one callable, ``overall`` is a float and ``by_group`` maps group → value; with a
    dict, ``overall`` maps name → value and ``by_group`` maps name → {group → value}.
    Groups are sorted, as fairlearn sorts them. Matches ``fairlearn.metrics.MetricFrame``'s
    ``overall``, ``by_group``, ``group_min``, ``group_max``, ``difference`` and ``ratio``.

    >>> mf = MetricFrame(metrics=selection_rate, y_true=[0, 1, 0, 1],
    ...                  y_pred=[1, 1, 0, 1], sensitive_features=["a", "a", "b", "b"])
    >>> mf.by_group, mf.difference()
    ({'a': 1.0, 'b': 0.5}, 0.5)
    """

    def __init__(
        self,
        *,
        metrics: Metric | Mapping[str, Metric],
        y_true: ArrayLike,
        y_pred: ArrayLike,
        sensitive_features: ArrayLike,
    ) -> None:
        t, p = _pair(y_true, y_pred)
        g = as_1d(sensitive_features, "sensitive_features")
        same_length(y_true=t, sensitive_features=g)
        self._single = callable(metrics)
        if self._single:
            named = {getattr(metrics, "__name__", "metric"): metrics}
        elif isinstance(metrics, Mapping) and metrics:
            named = dict(metrics)
        else:
            raise TypeError(
                f"metrics must be a callable metric(y_true, y_pred) or a non-empty dict of them; "
                f"got {type(metrics).__name__}."
            )
        self.groups: list[Any] = [plain(v) for v in group_values(g)]
        self._overall = {name: float(fn(t, p)) for name, fn in named.items()}
        self._by_group: dict[str, dict[Any, float]] = {name: {} for name in named}
        for group in self.groups:
            mask = g == group
            for name, fn in named.items():
                try:
                    self._by_group[name][group] = float(fn(t[mask], p[mask]))
                except ValueError as exc:
                    raise ValueError(f"in group {group!r} of sensitive_features: {exc}") from None

    def _out(self, values: dict[str, Any]) -> Any:
        return next(iter(values.values())) if self._single else values

    @property
    def overall(self) -> Any:
        return self._out(self._overall)

    @property
    def by_group(self) -> Any:
        return self._out(self._by_group)

    def group_min(self) -> Any:
        return self._out({k: min(v.values()) for k, v in self._by_group.items()})

    def group_max(self) -> Any:
        return self._out({k: max(v.values()) for k, v in self._by_group.items()})

    def difference(self, method: str = "between_groups") -> Any:
        """``between_groups``: max − min over groups; ``to_overall``: max |group − overall|."""
        if method == "between_groups":
            out = {k: max(v.values()) - min(v.values()) for k, v in self._by_group.items()}
        elif method == "to_overall":
            out = {
                k: max(abs(x - self._overall[k]) for x in v.values())
                for k, v in self._by_group.items()
            }
        else:
            raise ValueError(f"method must be 'between_groups' or 'to_overall', got {method!r}.")
        return self._out(out)

    def ratio(self, method: str = "between_groups") -> Any:
        """``between_groups``: min / max over groups; ``to_overall``: the smallest of
        group/overall and overall/group. 0/0 counts as equal (1.0)."""

        def div(a: float, b: float) -> float:
            if b == 0:
                return 1.0 if a == 0 else float("inf")
            return a / b

        if method == "between_groups":
            out = {k: div(min(v.values()), max(v.values())) for k, v in self._by_group.items()}
        elif method == "to_overall":
            out = {
                k: min(min(div(x, self._overall[k]), div(self._overall[k], x)) for x in v.values())
                for k, v in self._by_group.items()
            }
        else:
            raise ValueError(f"method must be 'between_groups' or 'to_overall', got {method!r}.")
        return self._out(out)

    def rows(self) -> list[list[Any]]:
        """One row per group then ``overall``: ``[group, metric1, metric2, …]`` (for tables)."""
        names = list(self._by_group)
        rows = [[str(g)] + [self._by_group[n][g] for n in names] for g in self.groups]
        return rows + [["overall"] + [self._overall[n] for n in names]]


def _frame(metrics: Any, y_true: ArrayLike, y_pred: ArrayLike, groups: ArrayLike) -> MetricFrame:
    mf = MetricFrame(metrics=metrics, y_true=y_true, y_pred=y_pred, sensitive_features=groups)
    if len(mf.groups) < 2:
        raise ValueError(
            f"sensitive_features has a single group {mf.groups[0]!r}; a disparity compares at "
            "least two groups."
        )
    return mf


def _binary_frame(
    metrics: Any, y_true: ArrayLike, y_pred: ArrayLike, groups: ArrayLike, pos_label: Any
) -> MetricFrame:
    t, p = _pair(y_true, y_pred)
    binary_labels(t, "y_true", pos_label)
    binary_labels(p, "y_pred", pos_label)
    return _frame(metrics, t, p, groups)


def demographic_parity_difference(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """Largest gap in selection rate between groups (0 means demographic parity)."""
    fn = lambda t, p: selection_rate(t, p, pos_label=pos_label)  # noqa: E731
    return _binary_frame(fn, y_true, y_pred, sensitive_features, pos_label).difference(method)


def demographic_parity_ratio(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """Smallest selection rate over the largest (1 means parity; < 0.8 fails four-fifths)."""
    fn = lambda t, p: selection_rate(t, p, pos_label=pos_label)  # noqa: E731
    return _binary_frame(fn, y_true, y_pred, sensitive_features, pos_label).ratio(method)


def _two_rates(pos_label: Any) -> dict[str, Metric]:
    return {
        "tpr": lambda t, p: true_positive_rate(t, p, pos_label=pos_label),
        "fpr": lambda t, p: false_positive_rate(t, p, pos_label=pos_label),
    }


def equalized_odds_difference(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """The larger of the TPR gap and the FPR gap between groups (Hardt et al. 2016)."""
    mf = _binary_frame(_two_rates(pos_label), y_true, y_pred, sensitive_features, pos_label)
    return max(mf.difference(method).values())


def equalized_odds_ratio(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """The smaller of the TPR ratio and the FPR ratio between groups."""
    mf = _binary_frame(_two_rates(pos_label), y_true, y_pred, sensitive_features, pos_label)
    return min(mf.ratio(method).values())


def equal_opportunity_difference(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """Largest gap in true positive rate between groups (equal opportunity)."""
    fn = _two_rates(pos_label)["tpr"]
    return _binary_frame(fn, y_true, y_pred, sensitive_features, pos_label).difference(method)


def equal_opportunity_ratio(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """Smallest true positive rate over the largest."""
    fn = _two_rates(pos_label)["tpr"]
    return _binary_frame(fn, y_true, y_pred, sensitive_features, pos_label).ratio(method)


def false_positive_rate_difference(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """Largest gap in false positive rate between groups (FPR parity)."""
    fn = _two_rates(pos_label)["fpr"]
    return _binary_frame(fn, y_true, y_pred, sensitive_features, pos_label).difference(method)


def false_negative_rate_difference(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    method: str = "between_groups",
    pos_label: Any = 1,
) -> float:
    """Largest gap in false negative rate between groups (FNR parity = TPR parity)."""
    fn = lambda t, p: false_negative_rate(t, p, pos_label=pos_label)  # noqa: E731
    return _binary_frame(fn, y_true, y_pred, sensitive_features, pos_label).difference(method)


def calibration_by_group(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    sensitive_features: ArrayLike,
    n_bins: int = 10,
    pos_label: Any = 1,
) -> dict[Any, tuple[np.ndarray, np.ndarray]]:
    """Reliability curve of each group: ``{group: (fraction_positive, mean_predicted)}``.

    Scores in :math:`[0, 1]` are cut into ``n_bins`` equal-width bins; empty bins are left
    out. Within a group this is ``sklearn.calibration.calibration_curve(strategy="uniform")``.
    A calibrated score has ``fraction_positive ≈ mean_predicted`` in every bin of every group.
    """
    if not isinstance(n_bins, (int, np.integer)) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive integer, got {n_bins!r}.")
    t = as_1d(y_true, "y_true")
    s = as_1d(y_prob, "y_prob", dtype=np.float64)
    g = as_1d(sensitive_features, "sensitive_features")
    same_length(y_true=t, y_prob=s, sensitive_features=g)
    if s.min() < 0 or s.max() > 1:
        raise ValueError(
            f"y_prob must hold probabilities in [0, 1]; got values from {s.min():g} to "
            f"{s.max():g} (apply a sigmoid to raw scores first)."
        )
    y = binary_labels(t, "y_true", pos_label).astype(np.float64)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    out: dict[Any, tuple[np.ndarray, np.ndarray]] = {}
    for group in group_values(g):
        m = g == group
        # bin i holds edges[i] < s <= edges[i+1] (bin 0 also takes s = 0), as scikit-learn cuts
        idx = np.searchsorted(edges[1:-1], s[m], side="left")
        counts = np.bincount(idx, minlength=n_bins)
        sum_y = np.bincount(idx, weights=y[m], minlength=n_bins)
        sum_s = np.bincount(idx, weights=s[m], minlength=n_bins)
        keep = counts > 0
        out[plain(group)] = (sum_y[keep] / counts[keep], sum_s[keep] / counts[keep])
    return out
