"""A synthetic hiring-style data set whose bias is a knob: the fairness stage's default.

Each person has a latent qualification :math:`q \\sim N(0, 1)`, independent of their group
(``"a"``, the majority, or ``"b"``, a fraction ``group_ratio``). Features are noisy views
of :math:`q`, plus one *proxy* feature that reveals the group (a postcode, a first name)
with strength ``proxy``. The fair label is :math:`y^* = [q + \\varepsilon > 0]`. The
recorded label is biased the way historical decisions are: each positive of group ``b``
is turned negative with probability ``bias``. So

* ``bias=0``: both groups have the same positive rate (about one half);
* ``bias=b``: group ``b``'s positive rate is :math:`(1 - b)` times group ``a``'s.

A model trained on the recorded labels learns the bias through the proxy. With no
portfolio file on the machine, :func:`fairness_dataset` falls back to this generator, so
every fairness lab and test runs offline.
"""

from __future__ import annotations

import numpy as np

from ladder.data.tabular import TabularData

__all__ = ["make_biased_classification", "fairness_dataset"]


def make_biased_classification(
    n_samples: int = 5000,
    *,
    bias: float = 0.3,
    group_ratio: float = 0.3,
    n_features: int = 4,
    proxy: float = 1.0,
    random_state: int = 0,
) -> TabularData:
    """Return ``n_samples`` rows with ``n_features`` noisy views of the qualification and a
    group proxy as the last column; ``y`` holds the biased labels.

    >>> d = make_biased_classification(20000, bias=0.5, random_state=1)
    >>> rate = lambda g: d.y[d.group == g].mean()
    >>> print(round(rate("b") / rate("a"), 2))  # about 1 - bias
    0.47
    """
    if not isinstance(n_samples, (int, np.integer)) or n_samples < 10:
        raise ValueError(f"n_samples must be an integer ≥ 10, got {n_samples!r}.")
    if not 0.0 <= bias <= 1.0:
        raise ValueError(f"bias must be a probability in [0, 1], got {bias!r}.")
    if not 0.0 < group_ratio < 1.0:
        raise ValueError(
            f"group_ratio must be in (0, 1) so both groups exist, got {group_ratio!r}."
        )
    if not isinstance(n_features, (int, np.integer)) or n_features < 1:
        raise ValueError(f"n_features must be a positive integer, got {n_features!r}.")
    rng = np.random.default_rng(random_state)
    in_b = rng.random(n_samples) < group_ratio
    q = rng.standard_normal(n_samples)
    views = q[:, None] + rng.normal(0.0, 1.0, (n_samples, n_features))
    proxy_col = proxy * in_b + rng.normal(0.0, 0.5, n_samples)
    fair = q + rng.normal(0.0, 0.5, n_samples) > 0
    flipped = in_b & fair & (rng.random(n_samples) < bias)
    y = (fair & ~flipped).astype(np.int64)
    names = tuple(f"x{i}" for i in range(n_features)) + ("proxy",)
    return TabularData(
        X=np.column_stack([views, proxy_col]),
        y=y,
        group=np.where(in_b, "b", "a"),
        feature_names=names,
        target_name="hired",
        group_name="group",
        source=(
            f"synthetic (n={n_samples}, bias={bias}, group_ratio={group_ratio}, "
            f"proxy={proxy}, seed={random_state})"
        ),
    )


def fairness_dataset(name: str = "medical", *, fallback: bool = True) -> TabularData:
    """``"medical"`` (cardiovascular, by gender), ``"social_network_ads"`` (by gender) or
    ``"synthetic"``. When the portfolio files are not on this machine and ``fallback`` is
    true, the synthetic set (bias 0.3) stands in; ``source`` says which one you got."""
    from ladder.data import DatasetUnavailable
    from ladder.data.tabular import load_medical_examination, load_social_network_ads

    loaders = {
        "medical": load_medical_examination,
        "social_network_ads": load_social_network_ads,
        "synthetic": make_biased_classification,
    }
    if name not in loaders:
        raise ValueError(f"unknown fairness data set {name!r}; use one of {sorted(loaders)}.")
    try:
        return loaders[name]()
    except (DatasetUnavailable, FileNotFoundError):
        if not fallback:
            raise
        return make_biased_classification()
