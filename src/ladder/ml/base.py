"""The estimator contract every ``ladder.ml`` model follows (scikit-learn's, STYLE §6).

* Hyper-parameters are stored verbatim in ``__init__``; no logic, no validation there.
* :meth:`BaseEstimator.get_params` reads them back from the ``__init__`` signature and
  :meth:`BaseEstimator.set_params` writes them, as ``sklearn.base.BaseEstimator`` does.
* ``fit`` validates, learns attributes whose names end in ``_`` and returns ``self``.
* ``predict`` before ``fit`` raises :class:`NotFittedError` with the fix in the message.
* Randomness only comes from ``random_state`` (see :func:`check_random_state`).

The ``check_*`` helpers turn bad input into errors that show the value and say the fix.
"""

from __future__ import annotations

import inspect
import numbers
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "BaseEstimator",
    "ClassifierMixin",
    "RegressorMixin",
    "NotFittedError",
    "check_array",
    "check_X_y",
    "check_classification_targets",
    "check_is_fitted",
    "check_random_state",
    "check_param",
]


class NotFittedError(RuntimeError):
    """Raised when ``predict``/``transform`` is called before ``fit``."""


class BaseEstimator:
    """Parameter bookkeeping shared by every estimator (``get_params``/``set_params``)."""

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return sorted(
            name
            for name, p in sig.parameters.items()
            if name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        )

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Hyper-parameters by name, exactly as passed to ``__init__``."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> BaseEstimator:
        """Set hyper-parameters by name and return ``self`` (for grid search)."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for {type(self).__name__}; "
                    f"valid parameters are {valid}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"


class ClassifierMixin:
    """``score`` = accuracy, as ``sklearn.base.ClassifierMixin``."""

    _estimator_type = "classifier"

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Fraction of samples of ``X`` whose predicted label equals ``y``."""
        return float(np.mean(self.predict(X) == np.asarray(y)))  # type: ignore[attr-defined]


class RegressorMixin:
    """``score`` = R², as ``sklearn.base.RegressorMixin``."""

    _estimator_type = "regressor"

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Coefficient of determination of the predictions on ``X``."""
        from ladder.ml.metrics import r2_score

        return r2_score(y, self.predict(X))  # type: ignore[attr-defined]


def check_array(X: ArrayLike, name: str = "X", ensure_2d: bool = True) -> np.ndarray:
    """Return ``X`` as a finite, non-empty float64 array (2-D unless told otherwise)."""
    try:
        arr = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"{name} could not be converted to numbers ({exc}); pass a numeric array."
        ) from exc
    if ensure_2d and arr.ndim != 2:
        raise ValueError(
            f"{name} must be 2-D (n_samples, n_features), got shape {arr.shape}; "
            "use X.reshape(-1, 1) for a single feature or X.reshape(1, -1) for one sample."
        )
    if arr.shape[0] == 0 or (arr.ndim == 2 and arr.shape[1] == 0):
        raise ValueError(
            f"{name} is empty (shape {arr.shape}); fit and predict need at least one "
            "sample and one feature."
        )
    if not np.isfinite(arr).all():
        bad = int(np.size(arr) - np.isfinite(arr).sum())
        raise ValueError(
            f"{name} contains {bad} NaN or infinite value(s); drop or impute them first."
        )
    return arr


def check_X_y(X: ArrayLike, y: ArrayLike, y_numeric: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Validate a design matrix and a 1-D target with one entry per row."""
    X = check_array(X)
    y_arr = np.asarray(y)
    if y_arr.ndim != 1:
        raise ValueError(f"y must be 1-D (n_samples,), got shape {y_arr.shape}; use y.ravel().")
    if y_arr.shape[0] != X.shape[0]:
        raise ValueError(
            f"X has {X.shape[0]} samples but y has {y_arr.shape[0]}; pass one target per row of X."
        )
    if y_numeric:
        y_arr = check_array(y_arr, name="y", ensure_2d=False)
    elif y_arr.dtype.kind == "f" and not np.isfinite(y_arr).all():
        raise ValueError("y contains NaN or infinity; drop or impute those samples first.")
    return X, y_arr


def check_classification_targets(y: np.ndarray, min_classes: int = 2) -> np.ndarray:
    """Return the sorted class labels, refusing continuous targets and a single class."""
    if y.dtype.kind == "f" and not np.all(y == np.round(y)):
        raise ValueError(
            f"y looks continuous (e.g. {y[~(y == np.round(y))][0]!r}); a classifier needs "
            "discrete labels. Use a regressor, or bin y first."
        )
    classes = np.unique(y)
    if classes.size < min_classes:
        raise ValueError(
            f"y has only {classes.size} class ({classes.tolist()}); a classifier needs at "
            f"least {min_classes}. Check the labels or the split."
        )
    return classes


def check_is_fitted(estimator: Any, attribute: str) -> None:
    """Raise :class:`NotFittedError` unless ``estimator`` has learned ``attribute``."""
    if not hasattr(estimator, attribute):
        name = type(estimator).__name__
        raise NotFittedError(f"This {name} is not fitted yet; call fit(X, y) before using it.")


def check_features(estimator: Any, X: ArrayLike) -> np.ndarray:
    """Validate ``X`` at predict time: same number of features as at fit time."""
    X = check_array(X)
    if X.shape[1] != estimator.n_features_in_:
        raise ValueError(
            f"X has {X.shape[1]} features but {type(estimator).__name__} was fitted on "
            f"{estimator.n_features_in_}; pass the same columns as in fit."
        )
    return X


def check_random_state(seed: Any) -> np.random.Generator:
    """A NumPy ``Generator`` from ``None``, an int, or an existing generator."""
    if seed is None or isinstance(seed, numbers.Integral):
        return np.random.default_rng(seed)
    if isinstance(seed, np.random.Generator):
        return seed
    raise ValueError(
        f"random_state={seed!r} is not None, an int or a numpy Generator; pass an int seed."
    )


def check_param(
    name: str,
    value: Any,
    *,
    kind: type | tuple[type, ...] = numbers.Real,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    choices: tuple[Any, ...] | None = None,
) -> None:
    """Check one hyper-parameter's type, range or allowed values, with a clear error."""
    if choices is not None:
        if value not in choices:
            raise ValueError(f"{name}={value!r} is not valid; choose one of {list(choices)}.")
        return
    if isinstance(value, bool) or not isinstance(value, kind):
        kind_name = getattr(kind, "__name__", str(kind))
        raise ValueError(f"{name}={value!r} must be a number ({kind_name}); pass one.")
    too_low = low is not None and (value < low if low_inclusive else value <= low)
    too_high = high is not None and value > high
    if too_low or too_high:
        lo = "-inf" if low is None else f"{low}"
        hi = "inf" if high is None else f"{high}"
        bracket = "[" if low_inclusive else "("
        raise ValueError(f"{name}={value!r} is out of range; it must lie in {bracket}{lo}, {hi}].")
