"""Exponentiated gradient (Agarwal et al. 2018): mitigation during training.

Fair classification as a game. Minimise the error of a *randomised* classifier
:math:`Q` (a distribution over classifiers :math:`h`) subject to linear constraints
:math:`\\gamma(Q) \\le \\epsilon`: for demographic parity, each group's selection rate may
exceed or fall short of the overall rate by at most :math:`\\epsilon`. The Lagrangian

.. math::  L(Q, \\lambda) = \\mathrm{err}(Q) + \\lambda^\\top(\\gamma(Q) - \\epsilon),
           \\quad \\lambda \\ge 0,\\ \\|\\lambda\\|_1 \\le B

is a zero-sum game. The :math:`\\lambda`-player runs exponentiated gradient (multiplicative
weights on the constraint violations); the :math:`h`-player best-responds, and the best
response to a fixed :math:`\\lambda` is an ordinary *weighted* classification problem: each
sample gets the label and weight that the cost of predicting 1 versus 0 dictates, so any
learner with ``fit(X, y, sample_weight=...)`` can play. The answer is the average of the
played classifiers, and it is within :math:`\\nu` of the game's value when the duality gap
falls under :math:`\\nu`.

Written after fairlearn's ``ExponentiatedGradient`` (the same moments, step-size schedule,
gap test and linear-programming step); on the same data with the same base learner it
reaches the same fairness and accuracy within the margins that
``tests/ethics/test_reductions.py`` states.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ladder.ethics._validation import as_1d, binary_labels, group_values, plain, same_length

__all__ = ["DemographicParity", "EqualizedOdds", "TruePositiveRateParity", "ExponentiatedGradient"]

_PRECISION = 1e-8
_ACCURACY_MUL = 0.5
_REGRET_CHECK_START_T = 5
_REGRET_CHECK_INCREASE_T = 1.6
_SHRINK_REGRET = 0.8
_SHRINK_ETA = 0.8
_MIN_ITER = 5


class _UtilityParity:
    """Constraints ``|E[h | event, group] − E[h | event]| ≤ difference_bound``, one pair of
    (+, −) inequalities per (event, group) cell."""

    def __init__(self, difference_bound: float = 0.01) -> None:
        self.difference_bound = difference_bound

    def _events(self, y: np.ndarray) -> np.ndarray:  # an event label per sample, or None
        raise NotImplementedError

    def load(self, y: np.ndarray, groups: np.ndarray) -> None:
        if not 0.0 <= self.difference_bound < 1.0:
            raise ValueError(f"difference_bound must be in [0, 1), got {self.difference_bound!r}.")
        n = len(y)
        events = self._events(y)
        self.n = n
        cells = sorted(
            {(e, plain(a)) for e, a in zip(events, groups, strict=True) if e is not None}
        )
        self.event_names = sorted({e for e, _ in cells})
        self.index = [(s, e, a) for s in "+-" for e, a in cells]
        self.prob_event = {e: np.mean(events == e) for e in self.event_names}
        self.prob_cell = {(e, a): np.mean((events == e) & (groups == a)) for e, a in cells}
        U = np.zeros((n, len(self.index)))
        for k, (sign, e, a) in enumerate(self.index):
            in_e = (events == e).astype(np.float64)
            in_cell = in_e * (groups == a)
            if sign == "+":
                U[:, k] = in_e / self.prob_event[e] - in_cell / self.prob_cell[e, a]
            else:
                U[:, k] = -in_e / self.prob_event[e] + in_cell / self.prob_cell[e, a]
        self.U = U

    def gamma(self, pred: np.ndarray) -> np.ndarray:
        """Signed violations: ``E[h | e, a] − E[h | e]`` for "+", the opposite for "−"."""
        return -(self.U.T @ pred) / self.n

    def bound(self) -> np.ndarray:
        return np.full(len(self.index), float(self.difference_bound))

    def signed_weights(self, lam: np.ndarray) -> np.ndarray:
        """The cost of predicting 1 rather than 0 for each sample, from the constraints."""
        return self.U @ lam

    def project_lambda(self, lam: np.ndarray) -> np.ndarray:
        """An equivalent λ with a smaller norm: shift each event's signed multipliers by a
        weighted median so they never fight each other (fairlearn's projection)."""
        half = len(self.index) // 2
        signed = lam[:half] - lam[half:]
        cells = self.index[:half]
        out = signed.copy()
        for e in self.event_names:
            ks = [k for k, (_, ev, _) in enumerate(cells) if ev == e]
            prob = np.array([self.prob_cell[e, cells[k][2]] / self.prob_event[e] for k in ks])
            normalized = signed[ks] / prob
            order = np.argsort(normalized, kind="stable")
            cumulative = np.cumsum(prob[order])
            median = np.searchsorted(cumulative, prob.sum() / 2)
            shift = normalized[order[median]]
            out[ks] = signed[ks] - prob * shift
        return np.concatenate([np.clip(out, 0, None), np.clip(-out, 0, None)])


class DemographicParity(_UtilityParity):
    """:math:`P(h = 1 \\mid A = a) = P(h = 1)` for every group, within ``difference_bound``."""

    def _events(self, y: np.ndarray) -> np.ndarray:
        return np.full(len(y), "all", dtype=object)


class EqualizedOdds(_UtilityParity):
    """:math:`P(h = 1 \\mid A = a, Y = y) = P(h = 1 \\mid Y = y)` for ``y`` in {0, 1}."""

    def _events(self, y: np.ndarray) -> np.ndarray:
        return np.where(y == 1, "label=1", "label=0").astype(object)


class TruePositiveRateParity(_UtilityParity):
    """Equal opportunity: the constraint of :class:`EqualizedOdds` for ``Y = 1`` only."""

    def _events(self, y: np.ndarray) -> np.ndarray:
        return np.where(y == 1, "label=1", None).astype(object)


def _clone(estimator: Any) -> Any:
    if hasattr(estimator, "get_params"):
        return type(estimator)(**estimator.get_params())
    return copy.deepcopy(estimator)


class _Constant:
    """The best response when every sample wants the same label."""

    def __init__(self, label: int) -> None:
        self.label = label

    def predict(self, X: np.ndarray) -> np.ndarray:
        return np.full(len(X), self.label)


class ExponentiatedGradient:
    """A randomised classifier that satisfies a fairness constraint up to ``eps``.

    Parameters
    ----------
    estimator : object with ``fit(X, y, sample_weight=...)`` and ``predict(X)``
        The base learner; a fresh copy is fitted at every best response.
    constraints : DemographicParity | EqualizedOdds | TruePositiveRateParity
    eps : float
        Allowed violation of the Lagrangian's bound; :math:`B = 1/\\epsilon` caps
        :math:`\\|\\lambda\\|_1`.
    max_iter : int
    nu : float or None
        Stop when the duality gap is below ``nu``; default ``0.5 · std(|h₀(X) − y|)/√n``.
    eta0 : float
        Initial step size of the λ-player (divided by :math:`B`).
    run_linprog_step : bool
        Also solve the game restricted to the classifiers found so far as a linear
        program, and keep whichever of the two answers has the smaller gap.

    Attributes
    ----------
    predictors_ : list of fitted classifiers
    weights_ : ndarray (n_predictors,)
        The distribution :math:`Q` over ``predictors_``.
    best_gap_, n_oracle_calls_, last_iter_ : the run's bookkeeping
    """

    def __init__(
        self,
        estimator: Any,
        constraints: _UtilityParity,
        *,
        eps: float = 0.01,
        max_iter: int = 50,
        nu: float | None = None,
        eta0: float = 2.0,
        run_linprog_step: bool = True,
    ) -> None:
        self.estimator = estimator
        self.constraints = constraints
        self.eps = eps
        self.max_iter = max_iter
        self.nu = nu
        self.eta0 = eta0
        self.run_linprog_step = run_linprog_step

    # --- the h-player ----------------------------------------------------------------------
    def _best_h(self, lam: np.ndarray) -> int:
        """Fit the cost-sensitive best response to ``lam``; return its index among the
        classifiers played (a known one if it is no better)."""
        cons, y = self._cons, self._y
        signed = (2.0 * y - 1.0) + cons.signed_weights(lam)
        red_y = (signed > 0).astype(np.int64)
        red_w = np.abs(signed)
        red_w = len(y) * red_w / red_w.sum()
        if np.unique(red_y).size == 1:
            clf: Any = _Constant(int(red_y[0]))
        else:
            clf = _clone(self.estimator)
            clf.fit(self._X, red_y, sample_weight=red_w)
        self.n_oracle_calls_ += 1
        pred = np.asarray(clf.predict(self._X), dtype=np.float64)
        error = float(np.mean(np.abs(y - pred)))
        gamma = cons.gamma(pred)
        value = error + gamma @ lam
        if self._errors:
            values = np.array(self._errors) + np.array(self._gammas) @ lam
            best = int(np.argmin(values))
            best_value = values[best]
        else:
            best, best_value = -1, np.inf
        if value < best_value - _PRECISION:
            self.predictors_.append(clf)
            self._errors.append(error)
            self._gammas.append(gamma)
            self._preds.append(pred)
            best = len(self.predictors_) - 1
        return best

    # --- the value of the game -------------------------------------------------------------
    def _eval(self, Q: dict[int, float], lam: np.ndarray) -> tuple[float, float, np.ndarray, float]:
        idx = list(Q)
        q = np.array([Q[i] for i in idx])
        error = float(np.array(self._errors)[idx] @ q)
        gamma = np.array(self._gammas)[idx].T @ q
        lam = self._cons.project_lambda(lam)
        slack = gamma - self._cons.bound()
        L = error + float(lam @ slack)
        L_high = error + (self._B * slack.max() if slack.max() > 0 else 0.0)
        return L, L_high, gamma, error

    def _gap(self, Q: dict[int, float], lam: np.ndarray, nu: float) -> tuple[float, float]:
        """Duality gap ``max(L − L_low, L_high − L)`` and the error of ``Q``."""
        L, L_high, _, error = self._eval(Q, lam)
        L_low = L
        for mul in (1.0, 2.0, 5.0, 10.0):
            h = self._best_h(mul * lam)
            L_low = min(L_low, self._eval({h: 1.0}, lam)[0])
            if max(L - L_low, L_high - L) > nu + _PRECISION:
                break
        return max(L - L_low, L_high - L), error

    def _linprog(self, nu: float) -> tuple[dict[int, float], float]:
        from scipy.optimize import linprog

        n_h = len(self._errors)
        if self._lp_cache is not None and self._lp_cache[0] == n_h:
            return self._lp_cache[1], self._lp_cache[2]
        K = len(self._cons.index)
        G = np.array(self._gammas).T - self._cons.bound()[:, None]  # (K, n_h)
        c = np.concatenate([self._errors, [self._B]])
        A_ub = np.concatenate([G, -np.ones((K, 1))], axis=1)
        b_ub = np.zeros(K)
        A_eq = np.concatenate([np.ones((1, n_h)), np.zeros((1, 1))], axis=1)
        primal = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=np.ones(1), method="highs-ds")
        Q = {i: float(w) for i, w in enumerate(primal.x[:-1])}
        dual = linprog(
            np.concatenate([b_ub, -np.ones(1)]),
            A_ub=np.concatenate([-A_ub.T, A_eq.T], axis=1),
            b_ub=c,
            bounds=[(0, None)] * K + [(None, None)],
            method="highs-ds",
        )
        gap, _ = self._gap(Q, dual.x[:-1], nu)
        self._lp_cache = (n_h, Q, gap)
        return Q, gap

    # --- the λ-player ----------------------------------------------------------------------
    def fit(
        self, X: ArrayLike, y: ArrayLike, *, sensitive_features: ArrayLike, pos_label: Any = 1
    ) -> ExponentiatedGradient:
        if not isinstance(self.constraints, _UtilityParity):
            raise TypeError(
                "constraints must be DemographicParity(), EqualizedOdds() or "
                f"TruePositiveRateParity(), got {type(self.constraints).__name__}."
            )
        if not self.eps > 0:
            raise ValueError(f"eps must be positive, got {self.eps!r}.")
        if not isinstance(self.max_iter, (int, np.integer)) or self.max_iter < 1:
            raise ValueError(f"max_iter must be a positive integer, got {self.max_iter!r}.")
        X_arr = np.asarray(X, dtype=np.float64)
        if X_arr.ndim != 2:
            raise ValueError(f"X must be 2-D (n_samples, n_features); got shape {X_arr.shape}.")
        t = as_1d(y, "y")
        g = as_1d(sensitive_features, "sensitive_features")
        same_length(X=X_arr, y=t, sensitive_features=g)
        y01 = binary_labels(t, "y", pos_label).astype(np.float64)
        group_values(g, min_size=2, need_two=True)
        self._X, self._y = X_arr, y01
        self._cons = copy.deepcopy(self.constraints)
        self._cons.load(y01, g)
        self._B = B = 1.0 / self.eps
        self.predictors_: list[Any] = []
        self._errors: list[float] = []
        self._gammas: list[np.ndarray] = []
        self._preds: list[np.ndarray] = []
        self._lp_cache = None
        self.n_oracle_calls_ = 0
        K = len(self._cons.index)
        theta = np.zeros(K)
        lam_sum = np.zeros(K)
        counts: dict[int, float] = {}
        gaps_eg: list[float] = []
        gaps: list[float] = []
        Qs: list[dict[int, float]] = []
        last_checked, last_gap = _REGRET_CHECK_START_T, np.inf
        nu, eta = self.nu, self.eta0 / B
        bound = self._cons.bound()
        for t_ in range(self.max_iter):
            lam = B * np.exp(theta) / (1.0 + np.exp(theta).sum())
            lam_sum += lam
            lam_avg = lam_sum / (t_ + 1)
            h = self._best_h(lam)
            if t_ == 0 and nu is None:
                nu = (
                    _ACCURACY_MUL * np.std(np.abs(self._preds[h] - y01), ddof=1) / np.sqrt(len(y01))
                )
            counts[h] = counts.get(h, 0.0) + 1.0
            total = sum(counts.values())
            Q_eg = {i: c / total for i, c in counts.items()}
            gap_eg, _ = self._gap(Q_eg, lam_avg, nu)
            gaps_eg.append(gap_eg)
            gap_lp = np.inf
            if t_ > 0 and self.run_linprog_step:
                Q_lp, gap_lp = self._linprog(nu)
            if gap_eg < gap_lp:
                Qs.append(Q_eg)
                gaps.append(gap_eg)
            else:
                Qs.append(Q_lp)
                gaps.append(gap_lp)
            if gaps[t_] < nu and t_ >= _MIN_ITER:
                break
            if t_ >= last_checked * _REGRET_CHECK_INCREASE_T:
                best_gap = min(gaps_eg)
                if best_gap > last_gap * _SHRINK_REGRET:
                    eta *= _SHRINK_ETA
                last_checked, last_gap = t_, best_gap
            theta += eta * (self._gammas[h] - bound)
        gap_arr = np.array(gaps)
        self.best_iter_ = int(np.flatnonzero(gap_arr <= gap_arr.min() + _PRECISION)[-1])
        self.best_gap_ = float(gaps[self.best_iter_])
        best = Qs[self.best_iter_]
        self.weights_ = np.array([best.get(i, 0.0) for i in range(len(self.predictors_))])
        self.last_iter_ = len(Qs) - 1
        self.nu_ = float(nu)
        del self._X, self._y, self._preds
        return self

    def _pmf_predict(self, X: ArrayLike) -> np.ndarray:
        """Probability of predicting 1: :math:`\\sum_h Q(h)\\, h(x)`."""
        if not hasattr(self, "weights_"):
            raise ValueError("this ExponentiatedGradient is not fitted yet; call fit first.")
        X_arr = np.asarray(X, dtype=np.float64)
        out = np.zeros(len(X_arr))
        for w, clf in zip(self.weights_, self.predictors_, strict=True):
            if w > 0:
                out += w * np.asarray(clf.predict(X_arr), dtype=np.float64)
        return out

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """``(n_samples, 2)``: the probabilities of predicting 0 and 1."""
        p = self._pmf_predict(X)
        return np.column_stack([1.0 - p, p])

    def predict(self, X: ArrayLike, random_state: int | None = None) -> np.ndarray:
        """Randomised predictions: for each sample, a classifier drawn from ``weights_``."""
        p = self._pmf_predict(X)
        rng = np.random.RandomState(random_state)
        return (p >= rng.rand(len(p))).astype(np.int64)
