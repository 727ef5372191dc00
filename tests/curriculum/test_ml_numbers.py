"""Every number the stage-1 lessons state (beyond the pilot), recomputed by our code.

Each test parses the number from the lesson text, so editing a lesson without updating
the computation (or the other way round) fails here. Tolerances are half a unit of the
last digit printed in the lesson; iteration counts must match exactly.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits

from tests.curriculum.numbers import LESSONS, check, stated


def purity(labels: np.ndarray, y: np.ndarray) -> float:
    return sum(np.bincount(y[labels == k]).max() for k in np.unique(labels)) / len(y)


# --- shared data -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cancer_split():
    from ladder.ml.model_selection import train_test_split
    from ladder.ml.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)
    scaler = StandardScaler().fit(X_tr)
    return scaler.transform(X_tr), scaler.transform(X_te), y_tr, y_te


@pytest.fixture(scope="module")
def digits_kmeans():
    """k-means, k = 10, k-means++ and 10 starts on the 64 pixels (two lessons quote it)."""
    from ladder.ml.cluster import KMeans

    X, y = load_digits(return_X_y=True)
    return KMeans(10, n_init=10, random_state=0).fit(X).labels_, y


# --- kinds of learning -----------------------------------------------------------------


def test_kinds_of_learning_digits(digits_kmeans):
    from ladder.ml.model_selection import train_test_split
    from ladder.ml.neighbors import KNeighborsClassifier

    X, y = load_digits(return_X_y=True)
    assert X.shape == (1797, 64) and "1,797 handwritten digits" in LESSONS["ml.kinds-of-learning"]
    # "each 8 × 8 = 64 pixels with a grey level from 0 to 16"
    flat = " ".join(LESSONS["ml.kinds-of-learning"].split())
    assert "8 × 8 = 64 pixels with a grey level from 0 to 16" in flat
    assert X.min() == 0 and X.max() == 16 and np.all(X == np.round(X))
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)
    acc = KNeighborsClassifier(5).fit(X_tr, y_tr).score(X_te, y_te)
    check("ml.kinds-of-learning", r"25% with accuracy (\d+(?:\.\d+)?)", acc)
    labels, y = digits_kmeans
    check("ml.kinds-of-learning", r"(\d+(?:\.\d+)?) of the images land", purity(labels, y))
    counts = np.array([np.bincount(y[labels == k], minlength=10) for k in range(10)])
    assert 8 not in counts.argmax(axis=1)  # "No cluster is named after 8"
    share = counts / counts.sum(axis=1, keepdims=True)
    first, second = np.argsort(counts[:, 8])[::-1][:2]  # the two clusters with most eights
    assert share[first, 1] > 0.4 and share[first, 8] > 0.4  # "almost evenly with ones"
    assert counts[second].argmax() == 9  # "and one led by nines"
    assert "share almost evenly with ones and one led by nines" in " ".join(
        LESSONS["ml.kinds-of-learning"].split()
    )


# --- optimisation ----------------------------------------------------------------------


def test_optimisation_iterations():
    from scipy.optimize import minimize

    from ladder.ml import optim
    from ladder.ml.preprocessing import StandardScaler

    X, y = load_diabetes(return_X_y=True)
    A = np.c_[np.ones(len(y)), StandardScaler().fit_transform(X)]
    f, grad, hess = optim.least_squares_objective(A, y)
    eig = np.linalg.eigvalsh(hess(None))
    L = eig.max()
    lesson = "ml.optimisation"
    check(lesson, r"\\kappa = (\d+)\$", eig.max() / eig.min())
    w0, tol = np.zeros(11), 1e-6
    counts = {
        "gradient descent": optim.gradient_descent(grad, w0, 1 / L, 100_000, tol).n_iter,
        "momentum": optim.momentum(grad, w0, 1 / L, 0.9, 100_000, tol).n_iter,
        "Adam": optim.adam(grad, w0, 1.0, max_iter=100_000, tol=tol).n_iter,
        "conjugate gradient": optim.conjugate_gradient(f, grad, w0, tol=tol).n_iter,
        "BFGS": optim.bfgs(f, grad, w0, tol=tol).n_iter,
        "Newton": optim.newton(grad, hess, w0, tol=tol).n_iter,
    }
    for method, n in counts.items():
        assert n == stated(lesson, rf"\| {method} \|[^|]*\| (\d+) \|"), method
    assert minimize(f, w0, jac=grad, method="BFGS", options={"gtol": tol}).nit == stated(
        lesson, r"takes (\d+) BFGS iterations"
    )
    assert minimize(f, w0, jac=grad, method="CG", options={"gtol": tol}).nit == stated(
        lesson, r"and (\d+) CG\s+iterations"
    )


# --- inference -------------------------------------------------------------------------


def test_inference_summary_and_diagnostics():
    from ladder.ml import diagnostics as dg
    from ladder.ml.inference import OLS

    X, y = load_diabetes(return_X_y=True)
    m = OLS().fit(X, y)
    A = np.c_[np.ones(len(y)), X]
    lesson = "ml.inference"
    check(
        lesson, r"\(statsmodels prints the\s+same table\): \$R\^2 = (\d+(?:\.\d+)?)\$", m.rsquared_
    )
    check(lesson, r"adjusted \$R\^2 = (\d+(?:\.\d+)?)\$", m.rsquared_adj_)
    check(lesson, r"\$F = (\d+(?:\.\d+)?)\$", m.fvalue_)
    check(lesson, r"p-value\s+\$(\d+(?:\.\d+)?) \\times 10\^\{-62\}\$", m.f_pvalue_ * 1e62)
    check(lesson, r"AIC (\d+)", m.aic_)
    check(lesson, r"BIC (\d+)", m.bic_)
    check(lesson, r"coefficient (\d+(?:\.\d+)?)\s+\(standard error", m.params_[3])
    check(lesson, r"\(standard error (\d+(?:\.\d+)?), \$t = \d+(?:\.\d+)?\$\)", m.bse_[3])
    check(lesson, r"standard error \d+(?:\.\d+)?, \$t = (\d+(?:\.\d+)?)\$\)", m.tvalues_[3])
    check(lesson, r"Age has \$t = -(\d+(?:\.\d+)?)\$", -m.tvalues_[1])
    check(lesson, r"p-value\s+(\d+(?:\.\d+)?): no evidence", m.pvalues_[1])
    check(lesson, r"skewness (\d+(?:\.\d+)?), excess kurtosis", dg.skewness(m.resid_))
    check(lesson, r"excess kurtosis -(\d+(?:\.\d+)?)", -dg.kurtosis(m.resid_))
    lm, p, _, _ = dg.breusch_pagan(m.resid_, A)
    check(lesson, r"\$LM = (\d+(?:\.\d+)?)\$, p-value", lm)
    check(lesson, r"\$LM = \d+(?:\.\d+)?\$, p-value (\d+(?:\.\d+)?)", p)
    check(lesson, r"mean is \$k/n\$ = (\d+(?:\.\d+)?)", dg.leverage(A).mean())
    cook = dg.cooks_distance(m.resid_, A)[0]
    check(lesson, r"largest in the diabetes fit is (\d+(?:\.\d+)?)", cook.max())
    assert np.sum(cook > 4 / len(y)) == stated(lesson, r"(\d+) patients exceed")
    check(lesson, r"VIF (\d+(?:\.\d+)?) and \d+(?:\.\d+)? \(above", dg.vif(A, 5))
    check(lesson, r"VIF \d+(?:\.\d+)? and (\d+(?:\.\d+)?) \(above", dg.vif(A, 6))
    check(lesson, r"standard errors \((\d+) and \d+\)", m.bse_[5])
    check(lesson, r"standard errors \(\d+ and (\d+)\)", m.bse_[6])


def test_inference_vif_of_an_exact_combination():
    from ladder.ml import diagnostics as dg

    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(2, 40))
    A = np.c_[np.ones(40), a, b, a - 2 * b]  # the last feature is an exact combination
    lesson = "ml.inference"
    clip = stated(lesson, r"clip\s+\$R_j\^2\$ at \$1 - 10\^\{-(\d+)\}\$")
    for standardize in (True, False):
        v = dg.vif(A, 3, standardize=standardize)
        assert v == pytest.approx(1 / (1 - (1 - 10.0**-clip)), rel=1e-12)
        check(lesson, r"report about \$10\^\{(\d+)\}\$", np.log10(v))


# --- logistic regression ---------------------------------------------------------------


def test_logistic_regression(cancer_split):
    from ladder.ml import metrics
    from ladder.ml.logistic import LogisticRegression, sigmoid

    lesson = "ml.logistic-regression"
    check(lesson, r"\\sigma\(2\) = (\d+(?:\.\d+)?)\$", float(sigmoid(2.0)))
    X, y = load_breast_cancer(return_X_y=True)
    assert X.shape == (569, 30) and np.bincount(y).tolist() == [212, 357]
    assert "569 tumours, 30 features, 212 malignant and 357 benign" in LESSONS[lesson]
    Z_tr, Z_te, y_tr, y_te = cancer_split
    newton = LogisticRegression(C=1.0, max_iter=100, tol=1e-6).fit(Z_tr, y_tr)
    gd = LogisticRegression(C=1.0, solver="gd", max_iter=100_000, tol=1e-6).fit(Z_tr, y_tr)
    assert newton.n_iter_ == stated(lesson, r"Newton stops after (\d+) iterations")
    assert gd.n_iter_ == stated(lesson, r"gradient descent after (\d+)")
    np.testing.assert_allclose(gd.coef_, newton.coef_, atol=1e-4)  # both at |grad| < 1e-6
    p = newton.predict_proba(Z_te)[:, 1]
    check(lesson, r"Test accuracy (\d+(?:\.\d+)?)", newton.score(Z_te, y_te))
    check(lesson, r"test log loss\s+(\d+(?:\.\d+)?)", metrics.log_loss(y_te, p))
    check(lesson, r"ROC curve (\d+(?:\.\d+)?)", metrics.roc_auc_score(y_te, p))


# --- classifiers -----------------------------------------------------------------------


def test_classifier_table(cancer_split):
    from ladder.ml.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from ladder.ml.naive_bayes import GaussianNB
    from ladder.ml.neighbors import KNeighborsClassifier
    from ladder.ml.svm import SVC, LinearSVC
    from ladder.ml.tree import DecisionTreeClassifier

    Z_tr, Z_te, y_tr, y_te = cancer_split
    lesson = "ml.classifiers"
    models = {
        "5 nearest neighbours": KNeighborsClassifier(5),
        "Gaussian naive Bayes": GaussianNB(),
        "decision tree, grown fully": DecisionTreeClassifier(random_state=0),
        "decision tree, depth 3": DecisionTreeClassifier(max_depth=3, random_state=0),
        "random forest, 100 trees": RandomForestClassifier(100, random_state=0),
        "gradient boosting, 100 stages": GradientBoostingClassifier(100, random_state=0),
        "linear SVM": LinearSVC(),
        "RBF SVM": SVC(),
    }
    for name, model in models.items():
        model.fit(Z_tr, y_tr)
        check(lesson, rf"\| {re.escape(name)} \| (\d+(?:\.\d+)?) \|", model.score(Z_te, y_te))
    scores = {name: model.score(Z_te, y_te) for name, model in models.items()}
    assert min(scores, key=scores.get) == "decision tree, grown fully"  # "the worst"
    tree = models["decision tree, grown fully"]
    assert tree.get_depth() == stated(lesson, r"The full tree is (\d+) levels deep")
    assert tree.get_n_leaves() == stated(lesson, r"with (\d+) leaves")
    assert tree.score(Z_tr, y_tr) == 1.0


def test_impurity_examples():
    p = np.array([0.5, 0.5])
    lesson = "ml.classifiers"
    assert "has Gini 0.5 and entropy 1 bit" in LESSONS[lesson]
    assert 1 - np.sum(p**2) == 0.5 and -np.sum(p * np.log2(p)) == 1.0


# --- unsupervised ----------------------------------------------------------------------


def test_unsupervised_digits(digits_kmeans):
    from ladder.ml.cluster import KMeans
    from ladder.ml.decomposition import PCA

    X, y = load_digits(return_X_y=True)
    lesson = "ml.unsupervised"
    ratio = PCA().fit(X).explained_variance_ratio_
    cum = np.cumsum(ratio)
    check(lesson, r"explain (\d+(?:\.\d+)?)% and \d+(?:\.\d+)?% of the variance", 100 * ratio[0])
    check(lesson, r"explain \d+(?:\.\d+)?% and (\d+(?:\.\d+)?)% of the variance", 100 * ratio[1])
    check(lesson, r"(\d+(?:\.\d+)?)%\s+together", 100 * cum[1])
    assert np.searchsorted(cum, 0.9) + 1 == stated(
        lesson, r"90% of the variance needs (\d+) components"
    )
    assert np.searchsorted(cum, 0.95) + 1 == stated(lesson, r"95% needs (\d+)")
    check(lesson, r"the purity is (\d+(?:\.\d+)?)", purity(*digits_kmeans))
    Z = PCA(2).fit_transform(X)
    km2 = KMeans(10, n_init=10, random_state=0).fit(Z)
    check(lesson, r"gives only (\d+(?:\.\d+)?)", purity(km2.labels_, y))


# --- reinforcement ---------------------------------------------------------------------


def test_reinforcement_numbers():
    from ladder.ml.bandits import UCB1, BernoulliBandit, EpsilonGreedy, ThompsonSampling, run_bandit
    from ladder.ml.gridworld import GridWorld, value_iteration

    lesson = "ml.reinforcement"
    means = [0.1, 0.3, 0.5, 0.7, 0.8]
    assert "arms paying 0.1, 0.3, 0.5, 0.7 and 0.8" in LESSONS[lesson]
    for agent, pattern in (
        (EpsilonGreedy(5, 0.1, random_state=0), r"ends with regret (\d+(?:\.\d+)?)"),
        (UCB1(5), r"UCB1 (\d+(?:\.\d+)?), Thompson"),
        (ThompsonSampling(5, random_state=0), r"Thompson sampling (\d+(?:\.\d+)?)\."),
    ):
        regret = run_bandit(agent, BernoulliBandit(means, random_state=1), 5000).regret[-1]
        check(lesson, pattern, regret)
    env = GridWorld()
    assert env.n_states == stated(lesson, r"\((\d+) states\)")
    V, _ = value_iteration(env, gamma=0.95)
    check(lesson, r"start state the value (\d+(?:\.\d+)?)", V[env.start])


# --- evaluation ------------------------------------------------------------------------


def test_evaluation_confusion_example():
    from ladder.ml import metrics

    lesson = "ml.evaluation"
    t = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    p = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0]
    assert (
        "`[0,0,0,0,0,0,0,0,1,1]`" in LESSONS[lesson]
        and "`[0,0,0,0,0,0,1,1,1,0]`" in LESSONS[lesson]
    )
    (tn, fp), (fn, tp) = metrics.confusion_matrix(t, p).tolist()
    assert (tn, fp, fn, tp) == (6, 2, 1, 1) and "TN = 6, FP = 2, FN = 1, TP = 1" in LESSONS[lesson]
    check(lesson, r"Specificity is (\d+(?:\.\d+)?) \(the", metrics.specificity_score(t, p))
    check(lesson, r"mistaken formula gives (\d+(?:\.\d+)?)\)", tn / (tn + fn))
    check(
        lesson,
        r"precision (\d+(?:\.\d+)?), recall \d+(?:\.\d+)? and",
        metrics.precision_score(t, p),
    )
    check(lesson, r"recall (\d+(?:\.\d+)?) and accuracy", metrics.recall_score(t, p))
    check(lesson, r"and accuracy (\d+(?:\.\d+)?)\.", metrics.accuracy_score(t, p))


def test_evaluation_cancer(cancer_split):
    from ladder.ml import metrics
    from ladder.ml.logistic import LogisticRegression

    Z_tr, Z_te, y_tr, y_te = cancer_split
    model = LogisticRegression(C=1.0).fit(Z_tr, y_tr)
    pred, score = model.predict(Z_te), model.predict_proba(Z_te)[:, 1]
    lesson = "ml.evaluation"
    assert str(metrics.confusion_matrix(y_te, pred).tolist()) in LESSONS[lesson]
    check(lesson, r"\]\]: precision (\d+(?:\.\d+)?)", metrics.precision_score(y_te, pred))
    check(
        lesson,
        r"\]\]: precision \d+(?:\.\d+)?, recall (\d+(?:\.\d+)?)",
        metrics.recall_score(y_te, pred),
    )
    check(lesson, r"specificity (\d+(?:\.\d+)?), ROC AUC", metrics.specificity_score(y_te, pred))
    check(lesson, r"ROC AUC (\d+(?:\.\d+)?)\.", metrics.roc_auc_score(y_te, score))


def test_bias_variance_table():
    from ladder.ml.linear import LinearRegression
    from ladder.ml.metrics import mean_squared_error
    from ladder.ml.preprocessing import PolynomialFeatures, StandardScaler
    from ladder.ml.regularized import Ridge

    rng = np.random.default_rng(0)

    def make(n):
        x = rng.uniform(0, 1, n)
        return x[:, None], np.sin(2 * np.pi * x) + rng.normal(0, 0.3, n)

    x_tr, y_tr = make(20)
    x_te, y_te = make(1000)
    lesson = "ml.evaluation"
    assert "20 points from" in LESSONS[lesson] and "1,000 new points" in LESSONS[lesson]
    for d in (1, 3, 9, 15):
        P = PolynomialFeatures(d, include_bias=False).fit(x_tr)
        m = LinearRegression().fit(P.transform(x_tr), y_tr)
        check(
            lesson,
            rf"\| {d} \| (\d+(?:\.\d+)?) \| \d+(?:\.\d+)? \|",
            mean_squared_error(y_tr, m.predict(P.transform(x_tr))),
        )
        check(
            lesson,
            rf"\| {d} \| \d+(?:\.\d+)? \| (\d+(?:\.\d+)?) \|",
            mean_squared_error(y_te, m.predict(P.transform(x_te))),
        )
        if d == 9:
            mse9 = mean_squared_error(y_te, m.predict(P.transform(x_te)))
            # ridge on standardised features (scaler fitted on the training points)
            S = StandardScaler().fit(P.transform(x_tr))
            ridge = Ridge(alpha=0.01).fit(S.transform(P.transform(x_tr)), y_tr)
            flat = " ".join(LESSONS[lesson].split())
            assert "with the nine features standardised" in flat
            assert r"$\alpha = 0.01$ lowers the" in flat
            check(lesson, r"test MSE from (\d+(?:\.\d+)?) to", mse9)
            check(
                lesson,
                r"test MSE from \d+(?:\.\d+)? to (\d+(?:\.\d+)?)\.",
                mean_squared_error(y_te, ridge.predict(S.transform(P.transform(x_te)))),
            )
    check(lesson, r"the\s+noise alone gives (\d+(?:\.\d+)?)\)", 0.3**2)


def test_validation_curve_numbers():
    from ladder.ml.model_selection import StratifiedKFold, validation_curve
    from ladder.ml.tree import DecisionTreeClassifier

    X, y = load_breast_cancer(return_X_y=True)
    train, test = validation_curve(
        DecisionTreeClassifier(random_state=0),
        X,
        y,
        "max_depth",
        [1, 2, 3, 4, 6, 8, None],
        cv=StratifiedKFold(5),
    )
    train, test = train.mean(axis=1), test.mean(axis=1)
    lesson = "ml.evaluation"
    check(lesson, r"scores (\d+(?:\.\d+)?) on its\s+training folds at depth 1", train[0])
    check(lesson, r"depth 1 and (\d+(?:\.\d+)?) when grown fully", train[-1])
    assert int(np.argmax(test)) == 1 and "peaks at depth 2" in LESSONS[lesson]
    check(lesson, r"peaks at depth 2 with (\d+(?:\.\d+)?)", test[1])
    check(lesson, r"and ends at (\d+(?:\.\d+)?)\.", test[-1])


def test_leakage_example():
    from ladder.ml.feature_selection import SelectKBest
    from ladder.ml.logistic import LogisticRegression
    from ladder.ml.model_selection import StratifiedKFold, cross_val_score
    from ladder.ml.pipeline import make_pipeline

    lesson = "ml.evaluation"
    flat = " ".join(LESSONS[lesson].split())
    assert "50 samples, labels alternating 0 and 1, and 5,000 features of pure noise" in flat
    assert "Keep the 20 features" in flat and "then 5-fold cross-validate" in flat
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 5000))
    y = np.array([0, 1] * 25)
    leaked = SelectKBest(20).fit(X, y).transform(X)
    wrong = cross_val_score(LogisticRegression(), leaked, y, cv=StratifiedKFold(5)).mean()
    right = cross_val_score(
        make_pipeline(SelectKBest(20), LogisticRegression()), X, y, cv=StratifiedKFold(5)
    ).mean()
    check(lesson, r"logistic regression on them: accuracy (\d\.\d+)\.", wrong)
    check(lesson, r"refitted on each training fold, gives (\d\.\d+)", right)
