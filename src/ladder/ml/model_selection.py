r"""Model selection: honest estimates of how a model does on data it has not seen.

* :func:`train_test_split` — hold out a random test set.
* :class:`KFold` — cut the samples into ``k`` folds; each is the test set once.
  :class:`StratifiedKFold` — the same, but each fold keeps the class proportions.
* :func:`cross_val_score` — the score on each held-out fold.
* :class:`GridSearchCV` — cross-validate every combination of hyper-parameters, keep the
  best, refit it on all the data.
* :func:`learning_curve` — score against training-set size (more data helps a model
  that *overfits*, not one that *underfits*); :func:`validation_curve` — score against
  one hyper-parameter (the bias–variance trade-off made visible).

Shuffles draw from ``numpy.random.RandomState(random_state)`` in the same order as
scikit-learn, so the same seed gives the *same* split; the tests check indices and
scores are identical to ``sklearn.model_selection`` (``tests/ml/test_model_selection.py``).
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import check_param

__all__ = [
    "train_test_split",
    "KFold",
    "StratifiedKFold",
    "cross_val_score",
    "GridSearchCV",
    "learning_curve",
    "validation_curve",
    "clone",
]

Split = tuple[np.ndarray, np.ndarray]


def _rng(seed: Any) -> np.random.RandomState:
    if seed is None or isinstance(seed, numbers.Integral):
        return np.random.RandomState(seed)
    if isinstance(seed, np.random.RandomState):
        return seed
    raise ValueError(f"random_state={seed!r} must be None or an int; pass an int seed.")


def clone(estimator: Any) -> Any:
    """A new, unfitted estimator with the same hyper-parameters (``sklearn.base.clone``):
    estimators among the parameters (a pipeline's steps) are cloned too."""

    def copy(value: Any) -> Any:
        if hasattr(value, "get_params") and not isinstance(value, type):
            return clone(value)
        if isinstance(value, (list, tuple)):
            return type(value)(copy(v) for v in value)
        return value

    return type(estimator)(**{k: copy(v) for k, v in estimator.get_params(deep=False).items()})


def _sizes(n: int, test_size: float | int | None, train_size: float | int | None):
    if test_size is None and train_size is None:
        test_size = 0.25
    for name, v in (("test_size", test_size), ("train_size", train_size)):
        if v is None:
            continue
        if isinstance(v, float) and not 0.0 < v < 1.0:
            raise ValueError(f"{name}={v} must be a fraction in (0, 1) or a count; fix it.")
        if isinstance(v, int) and not 0 < v < n:
            raise ValueError(f"{name}={v} must lie in 1..{n - 1} for {n} samples; fix it.")
    n_test = (
        None
        if test_size is None
        else (math.ceil(test_size * n) if isinstance(test_size, float) else int(test_size))
    )
    n_train = (
        None
        if train_size is None
        else (math.floor(train_size * n) if isinstance(train_size, float) else int(train_size))
    )
    if n_train is None:
        n_train = n - n_test
    elif n_test is None:
        n_test = n - n_train
    if n_train + n_test > n or n_train == 0:
        raise ValueError(
            f"train {n_train} + test {n_test} samples do not fit in {n}; reduce the sizes."
        )
    return n_train, n_test


def train_test_split(
    *arrays: ArrayLike,
    test_size: float | int | None = None,
    train_size: float | int | None = None,
    random_state: int | None = None,
    shuffle: bool = True,
) -> list[np.ndarray]:
    """Split each array into a train part and a test part, the same rows in each.

    The test set is the first ``ceil(test_size * n)`` indices of a random permutation
    (``sklearn.model_selection.train_test_split``). Returns
    ``[a_train, a_test, b_train, b_test, ...]``.
    """
    if not arrays:
        raise ValueError("train_test_split needs at least one array; pass X (and y).")
    arrs = [np.asarray(a) for a in arrays]
    n = arrs[0].shape[0]
    if any(a.shape[0] != n for a in arrs):
        raise ValueError(
            f"arrays have different lengths {[a.shape[0] for a in arrs]}; pass one row "
            "per sample in each."
        )
    n_train, n_test = _sizes(n, test_size, train_size)
    if shuffle:
        perm = _rng(random_state).permutation(n)
        test, train = perm[:n_test], perm[n_test : n_test + n_train]
    else:
        train, test = np.arange(n_train), np.arange(n_train, n_train + n_test)
    return [part for a in arrs for part in (a[train], a[test])]


class KFold:
    """``n_splits`` consecutive folds (after an optional shuffle); the first
    ``n % n_splits`` folds get one extra sample (``sklearn.model_selection.KFold``)."""

    def __init__(
        self, n_splits: int = 5, shuffle: bool = False, random_state: int | None = None
    ) -> None:
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def _check(self, n: int) -> None:
        check_param("n_splits", self.n_splits, kind=numbers.Integral, low=2)
        if self.n_splits > n:
            raise ValueError(
                f"n_splits={self.n_splits} is more than the {n} samples; lower n_splits."
            )

    def _test_folds(self, X: ArrayLike, y: ArrayLike | None) -> list[np.ndarray]:
        n = len(X)
        self._check(n)
        idx = np.arange(n)
        if self.shuffle:
            _rng(self.random_state).shuffle(idx)
        sizes = np.full(self.n_splits, n // self.n_splits)
        sizes[: n % self.n_splits] += 1
        bounds = np.r_[0, np.cumsum(sizes)]
        return [idx[bounds[k] : bounds[k + 1]] for k in range(self.n_splits)]

    def split(self, X: ArrayLike, y: ArrayLike | None = None) -> Iterator[Split]:
        """Yield ``(train_indices, test_indices)`` for each fold."""
        n = len(X)
        for test in self._test_folds(X, y):
            mask = np.ones(n, dtype=bool)
            mask[test] = False
            yield np.flatnonzero(mask), np.sort(test)

    def get_n_splits(self, X: Any = None, y: Any = None) -> int:
        return self.n_splits


class StratifiedKFold(KFold):
    """Folds that keep each class's share (``sklearn.model_selection.StratifiedKFold``).

    Classes are numbered by first appearance; dealing the sorted labels round-robin
    into the folds fixes how many of each class every fold gets; each class's samples
    then fill its folds in order (shuffled within the class when ``shuffle``).
    """

    def _test_folds(self, X: ArrayLike, y: ArrayLike | None) -> list[np.ndarray]:
        if y is None:
            raise ValueError("StratifiedKFold needs y to stratify on; pass split(X, y).")
        y = np.asarray(y)
        n = y.shape[0]
        self._check(n)
        rng = _rng(self.random_state) if self.shuffle else None
        _, first, inverse = np.unique(y, return_index=True, return_inverse=True)
        by_appearance = np.argsort(np.argsort(first))  # label rank -> appearance order
        y_enc = by_appearance[inverse]
        n_classes = first.size
        counts = np.bincount(y_enc)
        if np.all(self.n_splits > counts):
            raise ValueError(
                f"n_splits={self.n_splits} is more than the size of every class "
                f"({counts.tolist()}); lower n_splits."
            )
        dealt = np.sort(y_enc)
        per_fold = np.array(
            [
                np.bincount(dealt[k :: self.n_splits], minlength=n_classes)
                for k in range(self.n_splits)
            ]
        )  # (n_splits, n_classes)
        fold_of = np.empty(n, dtype=int)
        for c in range(n_classes):
            folds = np.repeat(np.arange(self.n_splits), per_fold[:, c])
            if rng is not None:
                rng.shuffle(folds)
            fold_of[y_enc == c] = folds
        return [np.flatnonzero(fold_of == k) for k in range(self.n_splits)]


def _scorer(scoring: str | Callable | None) -> Callable[[Any, np.ndarray, np.ndarray], float]:
    if scoring is None:
        return lambda est, X, y: float(est.score(X, y))
    if callable(scoring):
        return scoring
    from ladder.ml import metrics

    table = {
        "accuracy": lambda e, X, y: metrics.accuracy_score(y, e.predict(X)),
        "r2": lambda e, X, y: metrics.r2_score(y, e.predict(X)),
        "neg_mean_squared_error": lambda e, X, y: -metrics.mean_squared_error(y, e.predict(X)),
        "f1_macro": lambda e, X, y: metrics.f1_score(y, e.predict(X), average="macro"),
    }
    if scoring not in table:
        raise ValueError(f"scoring={scoring!r} is not known; choose one of {list(table)}.")
    return table[scoring]


def _is_classifier(estimator: Any) -> bool:
    """Ours say so in ``_estimator_type``; recent scikit-learn in ``__sklearn_tags__``."""
    if getattr(estimator, "_estimator_type", None) == "classifier":
        return True
    tags = getattr(estimator, "__sklearn_tags__", None)
    return bool(tags is not None and tags().estimator_type == "classifier")


def _default_cv(cv: int | KFold | None, estimator: Any) -> KFold:
    if cv is None:
        cv = 5
    if isinstance(cv, numbers.Integral):
        return StratifiedKFold(int(cv)) if _is_classifier(estimator) else KFold(int(cv))
    return cv


def cross_val_score(
    estimator: Any,
    X: ArrayLike,
    y: ArrayLike,
    cv: int | KFold | None = None,
    scoring: str | Callable | None = None,
) -> np.ndarray:
    """Score of a fresh clone trained on each fold's complement, one per fold."""
    X, y = np.asarray(X), np.asarray(y)
    score = _scorer(scoring)
    out = []
    for train, test in _default_cv(cv, estimator).split(X, y):
        est = clone(estimator).fit(X[train], y[train])
        out.append(score(est, X[test], y[test]))
    return np.array(out)


def _grid(param_grid: dict[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """Every combination, keys sorted, last key varying fastest (``ParameterGrid``)."""
    keys = sorted(param_grid)
    return [
        dict(zip(keys, v, strict=True)) for v in itertools.product(*(param_grid[k] for k in keys))
    ]


class GridSearchCV:
    """Exhaustive search over ``param_grid`` by cross-validation, then refit the best.

    Attributes: ``cv_results_`` (``params``, ``mean_test_score``, ``std_test_score``,
    ``split{k}_test_score``, ``rank_test_score``), ``best_params_``, ``best_score_``,
    ``best_index_``, ``best_estimator_`` — as ``sklearn.model_selection.GridSearchCV``.
    """

    def __init__(
        self,
        estimator: Any,
        param_grid: dict[str, Sequence[Any]],
        scoring: str | Callable | None = None,
        cv: int | KFold | None = None,
        refit: bool = True,
    ) -> None:
        self.estimator = estimator
        self.param_grid = param_grid
        self.scoring = scoring
        self.cv = cv
        self.refit = refit

    def fit(self, X: ArrayLike, y: ArrayLike) -> GridSearchCV:
        if not isinstance(self.param_grid, dict) or not self.param_grid:
            raise ValueError(
                f"param_grid={self.param_grid!r} must be a non-empty dict of lists; "
                "e.g. {'alpha': [0.1, 1.0]}."
            )
        X, y = np.asarray(X), np.asarray(y)
        score = _scorer(self.scoring)
        splits = list(_default_cv(self.cv, self.estimator).split(X, y))
        candidates = _grid(self.param_grid)
        scores = np.empty((len(candidates), len(splits)))
        for i, params in enumerate(candidates):
            for k, (train, test) in enumerate(splits):
                est = clone(self.estimator).set_params(**params).fit(X[train], y[train])
                scores[i, k] = score(est, X[test], y[test])
        means = scores.mean(axis=1)
        # rank 1 = best; ties share the smaller rank ("min"), the first one wins.
        order = -means
        ranks = np.array([1 + int(np.sum(order < v)) for v in order])
        self.cv_results_ = {
            "params": candidates,
            "mean_test_score": means,
            "std_test_score": scores.std(axis=1),
            "rank_test_score": ranks,
            **{f"split{k}_test_score": scores[:, k] for k in range(len(splits))},
        }
        self.best_index_ = int(np.argmin(ranks))
        self.best_params_ = candidates[self.best_index_]
        self.best_score_ = float(means[self.best_index_])
        if self.refit:
            self.best_estimator_ = clone(self.estimator).set_params(**self.best_params_)
            self.best_estimator_.fit(X, y)
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        if not hasattr(self, "best_estimator_"):
            from ladder.ml.base import NotFittedError

            raise NotFittedError("GridSearchCV is not fitted (with refit=True); call fit.")
        return self.best_estimator_.predict(X)


def learning_curve(
    estimator: Any,
    X: ArrayLike,
    y: ArrayLike,
    train_sizes: ArrayLike = (0.1, 0.325, 0.55, 0.775, 1.0),
    cv: int | KFold | None = None,
    scoring: str | Callable | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Train and test scores when training on the first ``m`` samples of each training
    fold, for each ``m`` in ``train_sizes`` (fractions of the largest training fold, or
    counts). Returns ``(sizes, train_scores (n_sizes, n_folds), test_scores)``."""
    X, y = np.asarray(X), np.asarray(y)
    score = _scorer(scoring)
    splits = list(_default_cv(cv, estimator).split(X, y))
    n_max = len(splits[0][0])
    ts = np.asarray(train_sizes)
    if ts.dtype.kind == "f":
        if np.any(ts <= 0) or np.any(ts > 1):
            raise ValueError(f"train_sizes {ts.tolist()} as fractions must lie in (0, 1].")
        sizes = np.clip((ts * n_max).astype(int), 1, n_max)
    else:
        sizes = ts.astype(int)
        if np.any(sizes <= 0) or np.any(sizes > n_max):
            raise ValueError(f"train_sizes {sizes.tolist()} must lie in 1..{n_max}.")
    sizes = np.unique(sizes)
    train_scores = np.empty((sizes.size, len(splits)))
    test_scores = np.empty_like(train_scores)
    for k, (train, test) in enumerate(splits):
        for i, m in enumerate(sizes):
            part = train[:m]
            est = clone(estimator).fit(X[part], y[part])
            train_scores[i, k] = score(est, X[part], y[part])
            test_scores[i, k] = score(est, X[test], y[test])
    return sizes, train_scores, test_scores


def validation_curve(
    estimator: Any,
    X: ArrayLike,
    y: ArrayLike,
    param_name: str,
    param_range: Sequence[Any],
    cv: int | KFold | None = None,
    scoring: str | Callable | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Train and test scores (n_values, n_folds) as one hyper-parameter varies."""
    X, y = np.asarray(X), np.asarray(y)
    score = _scorer(scoring)
    splits = list(_default_cv(cv, estimator).split(X, y))
    train_scores = np.empty((len(param_range), len(splits)))
    test_scores = np.empty_like(train_scores)
    for i, value in enumerate(param_range):
        for k, (train, test) in enumerate(splits):
            est = clone(estimator).set_params(**{param_name: value}).fit(X[train], y[train])
            train_scores[i, k] = score(est, X[train], y[train])
            test_scores[i, k] = score(est, X[test], y[test])
    return train_scores, test_scores
