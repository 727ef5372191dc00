"""Reweighing (Kamiran & Calders 2012): mitigation before training, by sample weights.

In biased training data the label depends on the group: :math:`P(y \\mid a) \\ne P(y)`.
Reweighing gives every sample of cell :math:`(a, y)` the weight

.. math::  w(a, y) = \\frac{P(a)\\,P(y)}{P(a, y)} = \\frac{n_a\\, n_y}{n\\, n_{a,y}},

the probability the cell would have if group and label were independent, over the one it
has. Under the weights the label is independent of the group, every group's weighted
positive rate equals the overall rate, and the total weight stays :math:`n`. A learner
trained with these ``sample_weight`` sees unbiased data; no label or feature changes.
Counts are sums of existing instance weights when ``sample_weight`` is given, and the
new weights multiply them, as AIF360's ``Reweighing`` does (equal weights in
``tests/ethics/test_reweighing.py``; AIF360 handles one privileged and one unprivileged
group, this handles any number).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ladder.ethics._validation import as_1d, group_values, plain, same_length

__all__ = ["reweighing_weights", "Reweighing"]


class Reweighing:
    """Learn one weight per (group, label) cell; ``transform`` gives each sample its weight.

    Attributes
    ----------
    weights_ : dict[(group, label), float]
        :math:`n_a n_y / (n\\, n_{a,y})` for every cell present in the data.
    groups_, classes_ : list
        The sorted groups and labels seen in ``fit``.
    """

    def fit(
        self, y: ArrayLike, sensitive_features: ArrayLike, sample_weight: ArrayLike | None = None
    ) -> Reweighing:
        y_arr = as_1d(y, "y")
        g = as_1d(sensitive_features, "sensitive_features")
        same_length(y=y_arr, sensitive_features=g)
        w = _weights(sample_weight, len(y_arr))
        groups = group_values(g, min_size=1)
        classes = np.unique(y_arr)
        if classes.size < 2:
            raise ValueError(
                f"y has the single label {plain(classes[0])!r}; reweighing balances labels "
                "across groups and needs at least two."
            )
        n = w.sum()
        n_y = {c: w[y_arr == c].sum() for c in classes}
        self.weights_: dict[tuple[Any, Any], float] = {}
        for a in groups:
            in_a = g == a
            n_a = w[in_a].sum()
            for c in classes:
                n_ay = w[in_a & (y_arr == c)].sum()
                if n_ay == 0:
                    raise ValueError(
                        f"group {plain(a)!r} has no samples with label {plain(c)!r}; no weighting "
                        "can make its label rate equal the others' (merge the group or collect "
                        "data for that cell)."
                    )
                self.weights_[(plain(a), plain(c))] = float(n_a * n_y[c] / (n * n_ay))
        self.groups_ = [plain(a) for a in groups]
        self.classes_ = [plain(c) for c in classes]
        return self

    def transform(
        self, y: ArrayLike, sensitive_features: ArrayLike, sample_weight: ArrayLike | None = None
    ) -> np.ndarray:
        """Each sample's weight: its cell's weight times its own ``sample_weight`` (or 1)."""
        if not hasattr(self, "weights_"):
            raise ValueError("this Reweighing is not fitted yet; call fit(y, sensitive_features).")
        y_arr = as_1d(y, "y")
        g = as_1d(sensitive_features, "sensitive_features")
        same_length(y=y_arr, sensitive_features=g)
        out = _weights(sample_weight, len(y_arr)).copy()
        for i, (a, c) in enumerate(zip(g, y_arr, strict=True)):
            key = (plain(a), plain(c))
            if key not in self.weights_:
                raise ValueError(
                    f"sample {i} is in cell (group={key[0]!r}, label={key[1]!r}), which fit never "
                    "saw; fit on data that covers every group and label."
                )
            out[i] *= self.weights_[key]
        return out


def _weights(sample_weight: ArrayLike | None, n: int) -> np.ndarray:
    if sample_weight is None:
        return np.ones(n)
    w = as_1d(sample_weight, "sample_weight", dtype=np.float64)
    if len(w) != n:
        raise ValueError(f"sample_weight has {len(w)} values for {n} samples; pass one per sample.")
    if (w < 0).any() or not np.isfinite(w).all():
        raise ValueError("sample_weight must be finite and non-negative.")
    return w


def reweighing_weights(
    y: ArrayLike, sensitive_features: ArrayLike, sample_weight: ArrayLike | None = None
) -> np.ndarray:
    """Kamiran–Calders weights for every sample: ``Reweighing().fit(...).transform(...)``.

    >>> reweighing_weights([1, 1, 0, 1, 0, 0], ["a", "a", "a", "b", "b", "b"])
    array([0.75, 0.75, 1.5 , 1.5 , 0.75, 0.75])
    """
    rw = Reweighing().fit(y, sensitive_features, sample_weight)
    return rw.transform(y, sensitive_features, sample_weight)
