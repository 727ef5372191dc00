"""Group-specific thresholds (Hardt, Price & Srebro 2016): mitigation after training.

A trained scorer :math:`s(x)` is left alone; each group :math:`a` gets its own decision
rule on the score. Sweeping a group's threshold from :math:`+\\infty` down to
:math:`-\\infty` traces a curve of operating points (selection rate against accuracy, or
the ROC curve: FPR against TPR). Any point on a segment between two thresholds is
reached by *randomising*: use threshold :math:`t_0` with probability :math:`p_0` and
:math:`t_1` with :math:`p_1 = 1 - p_0`, so the achievable set is the curve's upper convex
hull.

* **Demographic parity**: every group must have the same selection rate :math:`x`. For
  each :math:`x` on a grid, read each group's best accuracy off its hull and weight by the
  group's share of the data; pick the :math:`x` with the highest overall accuracy.
* **Equalized odds**: every group must have the same (FPR, TPR). A point reachable by all
  groups lies under every hull: at FPR :math:`x`, the common TPR is
  :math:`\\min_a \\mathrm{TPR}_a(x)`. A group whose hull is above it mixes its hull point
  with the diagonal (a coin that says yes with probability :math:`x`) to come down to it.
  Pick the :math:`x` with the highest overall accuracy.

This follows fairlearn's ``ThresholdOptimizer`` step for step (a 1,001-point grid, the
same hull and interpolation), and gives the same rules and the same predicted
probabilities (``tests/ethics/test_thresholds.py``). Fairlearn calls the estimator; this
class takes the scores, so any model can be post-processed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ladder.ethics._validation import as_1d, binary_labels, group_values, plain, same_length

__all__ = ["GroupRule", "ThresholdOptimizer", "tradeoff_curve", "threshold_for_rate"]

_CONSTRAINTS = ("demographic_parity", "equalized_odds")
_OBJECTIVES = ("accuracy_score", "balanced_accuracy_score")


@dataclass(frozen=True)
class GroupRule:
    """Say yes with probability ``p0·[s > t0] + p1·[s > t1]``; then, with probability
    ``p_ignore``, replace that answer by a coin that says yes with probability ``constant``.
    """

    threshold0: float
    p0: float
    threshold1: float
    p1: float
    p_ignore: float = 0.0
    constant: float = 0.0

    def positive_probability(self, scores: np.ndarray) -> np.ndarray:
        hull = self.p0 * (scores > self.threshold0) + self.p1 * (scores > self.threshold1)
        return self.p_ignore * self.constant + (1.0 - self.p_ignore) * hull


def _metric(name: str, tp, fp, tn, fn):
    pos, neg, n = tp + fn, tn + fp, tp + fp + tn + fn
    return {
        "selection_rate": lambda: (tp + fp) / n,
        "false_positive_rate": lambda: fp / neg,
        "true_positive_rate": lambda: tp / pos,
        "accuracy_score": lambda: (tp + tn) / n,
        "balanced_accuracy_score": lambda: 0.5 * tp / pos + 0.5 * tn / neg,
    }[name]()


def tradeoff_curve(
    scores: np.ndarray, labels: np.ndarray, x_metric: str, y_metric: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Upper convex hull of ``(x_metric, y_metric)`` over all thresholds ``s > t``.

    Returns ``(x, y, thresholds)`` sorted by ``x``. The thresholds are :math:`+\\infty`
    (nobody selected), the midpoints between consecutive distinct scores, and
    :math:`-\\infty` (everybody). ``labels`` is boolean.
    """
    values = np.unique(scores)[::-1]  # distinct scores, highest first
    idx = np.searchsorted(-values, -scores)  # position of each sample's score in `values`
    k = len(values)
    pos_at = np.bincount(idx, weights=labels.astype(np.float64), minlength=k)
    all_at = np.bincount(idx, minlength=k).astype(np.float64)
    tp = np.concatenate([[0.0], np.cumsum(pos_at)])  # selected with score >= values[j]
    fp = np.concatenate([[0.0], np.cumsum(all_at - pos_at)])
    n_pos, n_neg = tp[-1], fp[-1]
    below = np.concatenate([values[1:], [-np.inf]])
    thresholds = np.concatenate([[np.inf], (values + below) / 2])
    tn, fn = n_neg - fp, n_pos - tp
    x = _metric(x_metric, tp, fp, tn, fn)
    y = _metric(y_metric, tp, fp, tn, fn)
    order = np.lexsort((y, x))  # by x, then y
    hull: list[int] = []
    for i in order:  # Andrew's monotone chain, upper hull: drop points on or under a chord
        while len(hull) >= 2:
            i0, i1 = hull[-2], hull[-1]
            if (y[i1] - y[i0]) * (x[i] - x[i0]) <= (y[i] - y[i0]) * (x[i1] - x[i0]):
                hull.pop()
            else:
                break
        hull.append(int(i))
    h = np.array(hull)
    return x[h], y[h], thresholds[h]


def _interpolate(x: np.ndarray, y: np.ndarray, t: np.ndarray, grid: np.ndarray):
    """At each grid point: the hull's y, and the two thresholds with their probabilities."""
    i = np.searchsorted(x, grid, side="right") - 1
    i[1:] = np.where(grid[1:] == x[i[1:]], i[1:] - 1, i[1:])  # x[i] < grid <= x[i+1]
    p0 = (x[i + 1] - grid) / (x[i + 1] - x[i])
    p1 = 1.0 - p0
    return p0 * y[i] + p1 * y[i + 1], p0, t[i], p1, t[i + 1]


def threshold_for_rate(scores: ArrayLike, rate: float) -> float:
    """A threshold ``t`` with a selection rate ``mean(scores > t)`` as close to ``rate`` as
    the ties allow: the midpoint between the k-th and (k+1)-th highest score,
    ``k = round(rate · n)`` (``+inf`` for ``k = 0``, ``-inf`` for ``k = n``)."""
    s = as_1d(scores, "scores", dtype=np.float64)
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be a selection rate in [0, 1], got {rate!r}.")
    k = int(round(rate * len(s)))
    desc = np.sort(s)[::-1]
    if k == 0:
        return float("inf")
    if k == len(s):
        return float("-inf")
    return float((desc[k - 1] + desc[k]) / 2)


class ThresholdOptimizer:
    """Per-group randomised thresholds on a score that satisfy a parity constraint.

    Parameters
    ----------
    constraints : {"demographic_parity", "equalized_odds"}
    objective : {"accuracy_score", "balanced_accuracy_score"}
        What to maximise among the fair rules.
    grid_size : int
        The common rate is searched on ``grid_size + 1`` points of [0, 1].

    Attributes
    ----------
    rules_ : dict[group, GroupRule]
    rate_ : float
        The common selection rate (demographic parity) or false positive rate (equalized
        odds) that was chosen.
    objective_ : float
        The overall objective on the fitting data at that rate.
    """

    def __init__(
        self,
        constraints: str = "demographic_parity",
        objective: str = "accuracy_score",
        grid_size: int = 1000,
    ) -> None:
        self.constraints = constraints
        self.objective = objective
        self.grid_size = grid_size

    def fit(
        self, scores: ArrayLike, y: ArrayLike, *, sensitive_features: ArrayLike, pos_label: Any = 1
    ) -> ThresholdOptimizer:
        if self.constraints not in _CONSTRAINTS:
            raise ValueError(
                f"constraints must be one of {_CONSTRAINTS}, got {self.constraints!r}."
            )
        if self.objective not in _OBJECTIVES:
            raise ValueError(f"objective must be one of {_OBJECTIVES}, got {self.objective!r}.")
        if not isinstance(self.grid_size, (int, np.integer)) or self.grid_size < 1:
            raise ValueError(f"grid_size must be a positive integer, got {self.grid_size!r}.")
        s = as_1d(scores, "scores", dtype=np.float64)
        t = as_1d(y, "y")
        g = as_1d(sensitive_features, "sensitive_features")
        same_length(scores=s, y=t, sensitive_features=g)
        if not np.isfinite(s).all():
            raise ValueError("scores must be finite numbers (no NaN or infinity).")
        labels = binary_labels(t, "y", pos_label)
        groups = group_values(g, min_size=2, need_two=True)
        grid = np.linspace(0.0, 1.0, self.grid_size + 1)
        x_metric = (
            "selection_rate" if self.constraints == "demographic_parity" else "false_positive_rate"
        )
        y_metric = self.objective if x_metric == "selection_rate" else "true_positive_rate"
        curves = {}
        for a in groups:
            m = g == a
            if labels[m].all() or not labels[m].any():
                raise ValueError(
                    f"group {plain(a)!r} has only one class in y; its trade-off curve is "
                    "undefined (each group needs positives and negatives)."
                )
            curves[plain(a)] = _interpolate(
                *tradeoff_curve(s[m], labels[m], x_metric, y_metric), grid
            )
        n = len(s)
        self.rules_: dict[Any, GroupRule] = {}
        if self.constraints == "demographic_parity":
            total = np.zeros_like(grid)
            for a in groups:
                total = total + np.mean(g == a) * curves[plain(a)][0]
            best = int(np.argmax(total))
            self.rate_, self.objective_ = float(grid[best]), float(total[best])
            for a, (_, p0, t0, p1, t1) in curves.items():
                self.rules_[a] = GroupRule(
                    float(t0[best]), float(p0[best]), float(t1[best]), float(p1[best])
                )
        else:
            y_min = np.min(np.stack([c[0] for c in curves.values()]), axis=0)
            n_pos = float(labels.sum())
            n_neg = n - n_pos
            tp, fp = n_pos * y_min, n_neg * grid
            objective = np.around(_metric(self.objective, tp, fp, n_neg - fp, n_pos - tp), 15)
            best = int(np.argmax(objective))
            x_best, y_best = grid[best], y_min[best]
            self.rate_, self.objective_ = float(x_best), float(objective[best])
            for a, (yv, p0, t0, p1, t1) in curves.items():
                y_a = yv[best]
                # how much of the diagonal coin brings this group's TPR down to the common one
                p_ignore = 0.0 if y_a == x_best else (y_a - y_best) / (y_a - x_best)
                self.rules_[a] = GroupRule(
                    float(t0[best]),
                    float(p0[best]),
                    float(t1[best]),
                    float(p1[best]),
                    float(p_ignore),
                    float(x_best),
                )
        return self

    def predict_proba(self, scores: ArrayLike, *, sensitive_features: ArrayLike) -> np.ndarray:
        """Probability of a positive decision for each sample, ``(n_samples,)``."""
        if not hasattr(self, "rules_"):
            raise ValueError("this ThresholdOptimizer is not fitted yet; call fit first.")
        s = as_1d(scores, "scores", dtype=np.float64)
        g = as_1d(sensitive_features, "sensitive_features")
        same_length(scores=s, sensitive_features=g)
        out = np.zeros_like(s)
        seen = np.zeros(len(s), dtype=bool)
        for a, rule in self.rules_.items():
            m = g == a
            out[m] = rule.positive_probability(s[m])
            seen |= m
        if not seen.all():
            unknown = plain(g[~seen][0])
            raise ValueError(
                f"group {unknown!r} was not in the data given to fit; it has no threshold."
            )
        return out

    def predict(
        self, scores: ArrayLike, *, sensitive_features: ArrayLike, random_state: int | None = None
    ) -> np.ndarray:
        """Randomised 0/1 decisions: 1 where a uniform draw is ≤ the positive probability."""
        p = self.predict_proba(scores, sensitive_features=sensitive_features)
        rng = np.random.RandomState(random_state)
        return (p >= rng.rand(len(p))).astype(np.int64)
