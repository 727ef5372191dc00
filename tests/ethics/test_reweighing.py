"""Reweighing against AIF360's ``Reweighing``: identical instance weights.

Both compute n_a·n_y / (n·n_ay) from sums of the same float64 weights, so they agree to
float64 rounding of a few products (1e-12 relative is a wide margin).
"""

from __future__ import annotations

import logging

import numpy as np
import pytest

from ladder.ethics.reweighing import Reweighing, reweighing_weights

pd = pytest.importorskip("pandas", reason="could not import pandas")


def aif360_weights(y, group, privileged, instance_weights=None):
    logging.getLogger("aif360").setLevel(logging.ERROR)
    ds_mod = pytest.importorskip("aif360.datasets", reason="could not import aif360")
    from aif360.algorithms.preprocessing import Reweighing as AIFReweighing

    frame = pd.DataFrame({"label": y.astype(float), "group": (group == privileged).astype(float)})
    ds = ds_mod.BinaryLabelDataset(
        df=frame,
        label_names=["label"],
        protected_attribute_names=["group"],
        favorable_label=1.0,
        unfavorable_label=0.0,
    )
    if instance_weights is not None:
        ds.instance_weights = np.asarray(instance_weights, dtype=np.float64).copy()
    rw = AIFReweighing(unprivileged_groups=[{"group": 0.0}], privileged_groups=[{"group": 1.0}])
    return rw.fit_transform(ds).instance_weights


def test_identical_weights_on_the_medical_data(shared_data):
    from ladder.data.tabular import load_medical_examination

    d = load_medical_examination()
    ours = reweighing_weights(d.y, d.group)
    np.testing.assert_allclose(ours, aif360_weights(d.y, d.group, "men"), rtol=1e-12, atol=0)
    # under the weights, both genders have the overall positive rate, and the total is n
    for g in ("women", "men"):
        m = d.group == g
        assert np.average(d.y[m], weights=ours[m]) == pytest.approx(d.y.mean(), rel=1e-12)
    assert ours.sum() == pytest.approx(len(d), rel=1e-12)


def test_identical_weights_with_instance_weights_on_synthetic_data():
    from ladder.data.synthetic import make_biased_classification

    d = make_biased_classification(3000, bias=0.4, random_state=3)
    base = np.random.default_rng(0).uniform(0.5, 2.0, len(d))
    ours = reweighing_weights(d.y, d.group, sample_weight=base)
    np.testing.assert_allclose(ours, aif360_weights(d.y, d.group, "a", base), rtol=1e-12, atol=0)


def test_hand_computed_cells_and_more_than_two_groups():
    # group a: 2 positives, 1 negative; group b: 1 positive, 2 negatives; n = 6, n_1 = n_0 = 3
    # w(a,1) = 3·3/(6·2) = 0.75, w(a,0) = 3·3/(6·1) = 1.5, and symmetric for b
    rw = Reweighing().fit([1, 1, 0, 1, 0, 0], ["a", "a", "a", "b", "b", "b"])
    assert rw.weights_ == {("a", 0): 1.5, ("a", 1): 0.75, ("b", 0): 0.75, ("b", 1): 1.5}
    rng = np.random.default_rng(1)
    g = rng.choice(["x", "y", "z"], 600)
    y = (rng.random(600) < np.select([g == "x", g == "y"], [0.2, 0.5], 0.8)).astype(int)
    w = reweighing_weights(y, g)
    for group in "xyz":  # the weighted label rate is the overall rate in every group
        assert np.average(y[g == group], weights=w[g == group]) == pytest.approx(y.mean())


def test_bad_input():
    with pytest.raises(ValueError, match="y has 3 samples but sensitive_features has 2"):
        reweighing_weights([0, 1, 1], ["a", "b"])
    with pytest.raises(ValueError, match="group 'b' has no samples with label 0"):
        reweighing_weights([0, 1, 1, 1], ["a", "a", "b", "b"])
    with pytest.raises(ValueError, match="y has the single label 1"):
        reweighing_weights([1, 1, 1, 1], ["a", "a", "b", "b"])
    with pytest.raises(ValueError, match="sample_weight must be finite and non-negative"):
        reweighing_weights([0, 1, 0, 1], ["a", "a", "b", "b"], sample_weight=[1, -1, 1, 1])
    with pytest.raises(ValueError, match="not fitted yet"):
        Reweighing().transform([0, 1], ["a", "b"])
    rw = Reweighing().fit([0, 1, 0, 1], ["a", "a", "b", "b"])
    with pytest.raises(ValueError, match="cell \\(group='c', label=1\\), which fit never saw"):
        rw.transform([1], ["c"])
