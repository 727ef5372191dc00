"""The estimator contract (STYLE §6), one test per rule, run over every estimator.

sklearn's ``test_common.py`` idea: hyper-parameters stored verbatim in ``__init__``,
``get_params``/``set_params``, ``fit`` returns ``self``, learned attributes end in ``_``,
use before ``fit`` raises a clear error, randomness only from ``random_state``; and bad
input — wrong shapes, NaN/inf, empty data, one class only, invalid hyper-parameters —
raises ``ValueError`` whose message names the offending value.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from ladder.ml import (
    cluster,
    decomposition,
    ensemble,
    inference,
    linear,
    logistic,
    naive_bayes,
    neighbors,
    preprocessing,
    regularized,
    svm,
    tree,
)

rng = np.random.default_rng(0)
X = np.abs(rng.normal(size=(40, 3))) + 0.1  # positive: MultinomialNB accepts it too
Y_CLS = np.array([0, 1] * 20)
Y_REG = X @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=40)


@dataclass
class Case:
    make: Any  # factory: **params -> estimator
    kind: str  # "classifier" | "regressor" | "transformer" | "cluster"
    bad_params: dict[str, Any] = field(default_factory=dict)  # name -> an invalid value
    random: bool = False  # has random_state

    def est(self, **params):
        return self.make(**params)

    def cls(self):
        probe = self.make()
        return type(probe)


CASES = {
    "LinearRegression": Case(linear.LinearRegression, "regressor", {"solver": "magic"}),
    "OLS": Case(inference.OLS, "regressor"),
    "WLS": Case(lambda **p: inference.WLS(weights=np.ones(40), **p), "regressor"),
    "Ridge": Case(regularized.Ridge, "regressor", {"alpha": -1.0}),
    "Lasso": Case(regularized.Lasso, "regressor", {"alpha": -1.0, "max_iter": 0}),
    "ElasticNet": Case(regularized.ElasticNet, "regressor", {"l1_ratio": 2.0}),
    "LogisticRegression": Case(
        logistic.LogisticRegression, "classifier", {"C": 0.0, "solver": "magic"}
    ),
    "KNeighborsClassifier": Case(
        neighbors.KNeighborsClassifier, "classifier", {"n_neighbors": 0, "weights": "magic"}
    ),
    "KNeighborsRegressor": Case(neighbors.KNeighborsRegressor, "regressor", {"n_neighbors": 100}),
    "GaussianNB": Case(naive_bayes.GaussianNB, "classifier", {"var_smoothing": -1.0}),
    "MultinomialNB": Case(naive_bayes.MultinomialNB, "classifier", {"alpha": -1.0}),
    "DecisionTreeClassifier": Case(
        tree.DecisionTreeClassifier,
        "classifier",
        {"criterion": "magic", "max_depth": 0, "max_features": "magic"},
        random=True,
    ),
    "DecisionTreeRegressor": Case(
        tree.DecisionTreeRegressor, "regressor", {"min_samples_split": 1}, random=True
    ),
    "RandomForestClassifier": Case(
        lambda **p: ensemble.RandomForestClassifier(**{"n_estimators": 5, **p}),
        "classifier",
        {"n_estimators": 0},
        random=True,
    ),
    "GradientBoostingClassifier": Case(
        lambda **p: ensemble.GradientBoostingClassifier(
            **{"n_estimators": 5, "subsample": 0.8, **p}
        ),
        "classifier",
        {"learning_rate": 0.0, "subsample": 1.5},
        random=True,
    ),
    "LinearSVC": Case(svm.LinearSVC, "classifier", {"C": -1.0, "loss": "magic"}, random=True),
    "SVC": Case(svm.SVC, "classifier", {"kernel": "magic", "gamma": -1.0}),
    "PolynomialFeatures": Case(preprocessing.PolynomialFeatures, "transformer", {"degree": -1}),
    "StandardScaler": Case(preprocessing.StandardScaler, "transformer"),
    "KMeans": Case(
        lambda **p: cluster.KMeans(**{"n_clusters": 3, **p}),
        "cluster",
        {"n_clusters": 0, "init": "magic"},
        random=True,
    ),
    "PCA": Case(decomposition.PCA, "transformer", {"n_components": 99}),
}


# Rules the lead's pilot LinearRegression does not meet yet (reported to the lead).
def params_for(name: str, rule: str):
    return pytest.param(name, id=name)


def cases(rule: str, kinds: tuple[str, ...] = ()):
    return [params_for(n, rule) for n, c in CASES.items() if not kinds or c.kind in kinds]


def fit(est, case: Case, X=X, y=None):
    if case.kind in ("transformer", "cluster"):
        return est.fit(X)
    if y is None:
        y = Y_CLS if case.kind == "classifier" else Y_REG
    return est.fit(X, y)


def use(est, case: Case, X):
    return est.transform(X) if case.kind == "transformer" else est.predict(X)


# --- API rules --------------------------------------------------------------------------
@pytest.mark.parametrize("name", cases("init"))
def test_init_stores_params_verbatim_without_logic(name):
    cls = CASES[name].cls()
    sig = inspect.signature(cls.__init__)
    sentinel = object()
    names = [p for p in sig.parameters if p != "self"]
    est = cls(**{p: sentinel for p in names})  # no validation may run in __init__
    for p in names:
        assert getattr(est, p) is sentinel, f"{name}.__init__ changed {p}"


@pytest.mark.parametrize("name", cases("get_params"))
def test_get_params_set_params_round_trip(name):
    est = CASES[name].est()
    params = est.get_params()
    assert set(params) == {
        p for p in inspect.signature(type(est).__init__).parameters if p != "self"
    }
    clone = type(est)(**params)
    assert clone.get_params().keys() == params.keys()
    key = sorted(params)[0]
    assert est.set_params(**{key: params[key]}) is est
    with pytest.raises(ValueError, match="no_such_param"):
        est.set_params(no_such_param=1)


@pytest.mark.parametrize("name", cases("fit"))
def test_fit_returns_self_and_learned_attributes_end_in_underscore(name):
    case = CASES[name]
    est = case.est()
    before = set(vars(est))
    assert fit(est, case) is est
    learned = set(vars(est)) - before
    assert learned, f"{name}.fit learned nothing"
    public = [a for a in learned if not a.startswith("_")]
    assert all(a.endswith("_") for a in public), sorted(public)


@pytest.mark.parametrize("name", cases("not_fitted"))
def test_use_before_fit_raises_clear_error(name):
    case = CASES[name]
    with pytest.raises(RuntimeError, match="not fitted"):
        use(case.est(), case, X)


@pytest.mark.parametrize("name", cases("not_fitted_type"))
def test_not_fitted_error_type(name):
    from ladder.ml.base import NotFittedError

    case = CASES[name]
    with pytest.raises(NotFittedError):
        use(case.est(), case, X)


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.random])
def test_randomness_only_from_random_state(name):
    case = CASES[name]
    state = np.random.get_state()[1].copy()
    a = use(fit(case.est(random_state=7), case), case, X)
    b = use(fit(case.est(random_state=7), case), case, X)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(np.random.get_state()[1], state)  # global RNG untouched


# --- bad input --------------------------------------------------------------------------
@pytest.mark.parametrize("name", cases("shapes"))
def test_fit_rejects_wrong_shapes(name):
    case = CASES[name]
    with pytest.raises(ValueError, match=r"2-D|shape"):
        fit(case.est(), case, X=X[:, 0])
    if case.kind in ("classifier", "regressor"):
        with pytest.raises(ValueError, match=r"\d"):  # names the sizes
            fit(case.est(), case, y=(Y_CLS if case.kind == "classifier" else Y_REG)[:-1])


@pytest.mark.parametrize("name", cases("predict_bad_input"))
def test_predict_rejects_bad_input(name):
    case = CASES[name]
    est = fit(case.est(), case)
    with pytest.raises(ValueError, match="features|shape"):
        use(est, case, X[:, :2])
    with pytest.raises(ValueError, match="2-D"):
        use(est, case, X[0])
    bad = X.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        use(est, case, bad)


@pytest.mark.parametrize("value", [np.nan, np.inf])
@pytest.mark.parametrize("name", cases("nan"))
def test_fit_rejects_nan_and_inf(name, value):
    case = CASES[name]
    bad = X.copy()
    bad[3, 1] = value
    with pytest.raises(ValueError, match="NaN|inf"):
        fit(case.est(), case, X=bad)


@pytest.mark.parametrize("name", cases("empty"))
def test_fit_rejects_empty_data(name):
    case = CASES[name]
    with pytest.raises(ValueError, match="empty|no rows|at least one"):
        fit(case.est(), case, X=np.empty((0, 3)), y=np.empty(0))


@pytest.mark.parametrize("name", cases("one_class", ("classifier",)))
def test_classifier_rejects_one_class(name):
    case = CASES[name]
    with pytest.raises(ValueError, match=r"only 1 class"):
        fit(case.est(), case, y=np.zeros(40, dtype=int))


BAD = [
    pytest.param(n, p, v, id=f"{n}-{p}") for n, c in CASES.items() for p, v in c.bad_params.items()
]


@pytest.mark.parametrize("name,param,value", BAD)
def test_invalid_hyper_parameter_named_in_error(name, param, value):
    case = CASES[name]
    with pytest.raises(
        ValueError,
        match=f"{param}={value!r}".replace("(", r"\(").replace(")", r"\)").replace(".", r"\."),
    ):
        fit(case.est(**{param: value}), case)
