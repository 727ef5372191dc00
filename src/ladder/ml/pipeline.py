r"""Chaining preprocessing and a model, so that every step is fitted on training data only
(``sklearn.pipeline.Pipeline``).

``Pipeline([("scale", StandardScaler()), ("knn", KNeighborsClassifier())])`` is one
estimator: ``fit(X, y)`` fits each transformer on the output of the previous ones and
passes its transform on, then fits the last step; ``predict(X)`` only *transforms* with
the fitted steps and predicts. Handed to ``cross_val_score`` or ``GridSearchCV``, the
whole chain is re-fitted inside every fold, so nothing of the held-out fold leaks into
the scaling, the feature selection or the model — the point of the evaluation lesson's
leakage example. Parameters of a step are addressed ``"<step>__<param>"`` (``knn__n_neighbors``).

>>> from ladder.ml.preprocessing import StandardScaler
>>> from ladder.ml.neighbors import KNeighborsClassifier
>>> pipe = make_pipeline(StandardScaler(), KNeighborsClassifier(1))
>>> [name for name, _ in pipe.steps]
['standardscaler', 'kneighborsclassifier']
>>> pipe.fit([[0.0], [10.0]], [0, 1]).predict([[9.0]]).tolist()
[1]
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import BaseEstimator, NotFittedError

__all__ = ["Pipeline", "make_pipeline"]


class Pipeline(BaseEstimator):
    """``steps``: a list of ``(name, estimator)``; all but the last need ``transform``."""

    def __init__(self, steps: list[tuple[str, Any]]) -> None:
        self.steps = steps

    # -- parameters, as sklearn: "steps", and "<name>__<param>" for each step's own -------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"steps": self.steps}
        if deep:
            for name, est in self.steps:
                out[name] = est
                for key, value in est.get_params(deep=True).items():
                    out[f"{name}__{key}"] = value
        return out

    def set_params(self, **params: Any) -> Pipeline:
        if "steps" in params:
            self.steps = params.pop("steps")
        named = dict(self.steps)
        for key, value in params.items():
            name, sep, param = key.partition("__")
            if not sep or name not in named:
                raise ValueError(
                    f"Invalid parameter {key!r} for Pipeline; use '<step>__<param>' with a "
                    f"step among {list(named)}."
                )
            named[name].set_params(**{param: value})
        return self

    @property
    def named_steps(self) -> dict[str, Any]:
        return dict(self.steps)

    @property
    def _estimator_type(self) -> str | None:
        return getattr(self.steps[-1][1], "_estimator_type", None)

    def _validate(self) -> None:
        if not isinstance(self.steps, (list, tuple)) or not self.steps:
            raise ValueError(
                f"steps must be a non-empty list of (name, estimator) pairs, got {self.steps!r}."
            )
        names = [s[0] for s in self.steps]
        if len(set(names)) != len(names):
            raise ValueError(f"Pipeline step names must be unique, got {names}.")
        for name, est in self.steps[:-1]:
            if not (hasattr(est, "fit") and hasattr(est, "transform")):
                raise TypeError(
                    f"step {name!r} ({type(est).__name__}) has no fit/transform; every step "
                    "but the last must be a transformer."
                )

    # -- fitting and using ---------------------------------------------------------------
    def fit(self, X: ArrayLike, y: ArrayLike | None = None) -> Pipeline:
        """Fit each transformer on the previous one's output, then the final estimator."""
        self._validate()
        Xt = X
        for _, step in self.steps[:-1]:
            Xt = step.fit(Xt, y).transform(Xt)
        self.steps[-1][1].fit(Xt, y)
        self.n_features_in_ = np.asarray(X).shape[1]
        return self

    def _transform(self, X: ArrayLike) -> Any:
        if not hasattr(self, "n_features_in_"):
            raise NotFittedError("This Pipeline is not fitted yet: call fit(X, y) first.")
        Xt = X
        for _, step in self.steps[:-1]:
            Xt = step.transform(Xt)  # transform only: statistics come from training data
        return Xt

    def predict(self, X: ArrayLike) -> np.ndarray:
        return self.steps[-1][1].predict(self._transform(X))

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        return self.steps[-1][1].predict_proba(self._transform(X))

    def transform(self, X: ArrayLike) -> Any:
        return self.steps[-1][1].transform(self._transform(X))

    def fit_transform(self, X: ArrayLike, y: ArrayLike | None = None) -> Any:
        return self.fit(X, y).transform(X)

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        return float(self.steps[-1][1].score(self._transform(X), y))


def make_pipeline(*steps: Any) -> Pipeline:
    """A :class:`Pipeline` whose step names are the lower-cased class names."""
    return Pipeline([(type(s).__name__.lower(), s) for s in steps])
