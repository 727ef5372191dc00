"""Checks for the pipeline exercise. Each scenario builds the steps from ladder.ml beside
the submitted class (``drive``), fits on training rows, predicts held-out rows, and
reports what each step learned."""

import numpy as np

from ladder.curriculum.expect import drive, expect_close, expect_equal, expect_true


def _data():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 8)) * np.array([1, 10, 0.1, 5, 1, 2, 100, 1.0]) + 3.0
    y = np.where(X[:, 1] / 10 + X[:, 3] / 5 + 0.3 * rng.normal(size=60) > 0.6, "spam", "ham")
    return X[:45], y[:45], X[45:] * 1.5 - 2.0, y[45:]  # held-out rows from elsewhere


def scenario(cls):
    """Scaler -> selection -> 3 nearest neighbours; what each step learned."""
    from ladder.ml.feature_selection import SelectKBest
    from ladder.ml.neighbors import KNeighborsClassifier
    from ladder.ml.preprocessing import StandardScaler

    Xtr, ytr, Xte, _ = _data()
    scaler, select, knn = StandardScaler(), SelectKBest(3), KNeighborsClassifier(3)
    pipe = cls([("scale", scaler), ("select", select), ("knn", knn)])
    returned_self = pipe.fit(Xtr, ytr) is pipe
    pred = pipe.predict(Xte)
    return {
        "returns_self": returned_self,
        "predictions": [str(p) for p in pred],
        "scaler_mean": np.asarray(scaler.mean_, dtype=float),
        "selected": np.flatnonzero(select.support_).tolist(),
        "knn_fitted_on": np.asarray(knn._X, dtype=float) if hasattr(knn, "_X") else None,
    }


def _train_mean():
    return _data()[0].mean(axis=0)


def check_fit_returns_self(submitted, reference):
    """fit returns the pipeline itself"""
    expect_equal(drive(submitted, scenario)["returns_self"], True, what="fit(X, y) is pipe")


def check_steps_fitted_on_training_data(submitted, reference):
    """each transformer is fitted on the training rows (after the previous steps)"""
    expected = scenario(reference)
    actual = drive(submitted, scenario)
    expect_true(
        not np.allclose(actual["scaler_mean"], _data()[2].mean(axis=0)),
        "after predict, the scaler's means are the held-out rows' means",
        inputs="StandardScaler → SelectKBest(3) → KNN(3); held-out rows shifted and scaled",
        misconception="predict must only transform: calling fit (or fit_transform) there "
        "learns from the test rows — leakage",
    )
    expect_close(actual["scaler_mean"], _train_mean(), what="the scaler's mean_",
                 inputs="45 training rows of 8 features")  # fmt: skip
    expect_equal(actual["selected"], expected["selected"], what="the features SelectKBest kept")


def check_last_step_gets_transformed_data(submitted, reference):
    """the model is fitted on the scaled, selected features"""
    expected = scenario(reference)
    actual = drive(submitted, scenario)
    expect_equal(actual["knn_fitted_on"] is not None, True, what="the last step was fitted")
    expect_equal(
        np.shape(actual["knn_fitted_on"]),
        np.shape(expected["knn_fitted_on"]),
        what="the shape of the data the last step was fitted on",
        inputs="45 rows; 3 features kept of 8",
    )
    expect_close(
        actual["knn_fitted_on"],
        expected["knn_fitted_on"],
        what="the data the last step was fitted on",
        inputs="scaled, then 3 features selected",
        mistakes=[
            (
                _data()[0][:, expected["selected"]],
                "fit the last step on the transformed data, not on X",
            )
        ],
    )


def check_predictions(submitted, reference):
    """predictions on held-out rows equal the reference pipeline's"""
    expect_equal(drive(submitted, scenario)["predictions"], scenario(reference)["predictions"],
                 what="the predicted labels", inputs="15 held-out rows")  # fmt: skip


def scenario_pca(cls):
    """Scaler -> PCA(3) -> 3 nearest neighbours: PCA must see the scaled data."""
    from ladder.ml.decomposition import PCA
    from ladder.ml.neighbors import KNeighborsClassifier
    from ladder.ml.preprocessing import StandardScaler

    Xtr, ytr, Xte, _ = _data()
    pca = PCA(3)
    pipe = cls([("scale", StandardScaler()), ("pca", pca), ("knn", KNeighborsClassifier(3))])
    pipe.fit(Xtr, ytr)
    return {
        "predictions": [str(p) for p in pipe.predict(Xte)],
        "pca_mean": np.asarray(pca.mean_, dtype=float),
    }


def check_each_step_sees_the_previous_output(submitted, reference):
    """each transformer is fitted on the previous transformer's output"""
    expected = scenario_pca(reference)
    actual = drive(submitted, scenario_pca)
    expect_close(
        actual["pca_mean"], expected["pca_mean"], atol=1e-9,
        what="the means PCA learned (0 on standardised data)",
        inputs="StandardScaler → PCA(3) → KNN(3)",
        mistakes=[(_train_mean(), "fit each transformer on the previous one's output, not on X")],
    )  # fmt: skip
    expect_equal(actual["predictions"], expected["predictions"], what="the predicted labels")
