"""Small real tabular sets from ``shared/data/portfolio`` with a sensitive attribute.

Both are read through :func:`ladder.data.locate` (sha256-checked, dataset ``portfolio``):

* **Cardiovascular disease (medical examination)**, 70,000 patients: age (stored in days,
  returned in years), gender, height (cm), weight (kg), systolic and diastolic blood
  pressure (``ap_hi``, ``ap_lo``), cholesterol and glucose (1 normal, 2 above, 3 well
  above), smoking, alcohol, physical activity, and the target ``cardio`` (1 = disease).
  ``gender`` is coded 1 and 2 in the source; code 1 is the shorter group (mean height
  161 cm against 170 cm), the women of the source's documentation, code 2 the men. Eleven
  rows carry an undocumented code 3 and are dropped. ``clean=True`` also drops rows with
  physiologically impossible measurements (see :data:`PLAUSIBLE`); the raw file has blood
  pressures of −150 and 16,020.
* **Social Network Ads**, 400 users: gender, age, estimated salary, and whether they
  bought the advertised product.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass

import numpy as np

from ladder.data.text import locate_dataset

__all__ = [
    "TabularData",
    "PLAUSIBLE",
    "MEDICAL_FEATURES",
    "load_medical_examination",
    "load_social_network_ads",
]


@dataclass(frozen=True)
class TabularData:
    """Features, a binary target and a sensitive attribute, row-aligned."""

    X: np.ndarray  # (n_samples, n_features) float64
    y: np.ndarray  # (n_samples,) int64, 1 = the positive outcome
    group: np.ndarray  # (n_samples,) str, the sensitive attribute
    feature_names: tuple[str, ...]
    target_name: str
    group_name: str
    source: str  # where the rows came from (a file, or the synthetic generator's settings)

    def __len__(self) -> int:
        return len(self.y)


MEDICAL_FEATURES = (
    "age",
    "height",
    "weight",
    "ap_hi",
    "ap_lo",
    "cholesterol",
    "gluc",
    "smoke",
    "alco",
    "active",
)

# Measurement ranges kept by clean=True (inclusive); anything outside is a typing error.
PLAUSIBLE = {
    "height": (120, 220),
    "weight": (30, 200),
    "ap_hi": (60, 250),
    "ap_lo": (30, 200),
}

_GENDER = {"1": "women", "2": "men"}


def load_medical_examination(*, clean: bool = True) -> TabularData:
    """The 70,000-row cardiovascular data set; ``group`` is ``"women"``/``"men"``.

    Returns 69,989 rows with ``clean=False`` (the 11 rows of gender code 3 dropped) and
    68,583 with ``clean=True`` (also diastolic ≤ systolic and :data:`PLAUSIBLE` ranges).
    """
    path = locate_dataset("portfolio") / "medical_examination.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    X, y, group = [], [], []
    for row in rows:
        if row["gender"] not in _GENDER:
            continue
        values = [float(row[name]) for name in MEDICAL_FEATURES]
        values[0] /= 365.25  # age: days → years
        if clean:
            named = dict(zip(MEDICAL_FEATURES, values, strict=True))
            if named["ap_lo"] > named["ap_hi"] or any(
                not lo <= named[k] <= hi for k, (lo, hi) in PLAUSIBLE.items()
            ):
                continue
        X.append(values)
        y.append(int(row["cardio"]))
        group.append(_GENDER[row["gender"]])
    return TabularData(
        X=np.asarray(X, dtype=np.float64),
        y=np.asarray(y, dtype=np.int64),
        group=np.asarray(group),
        feature_names=MEDICAL_FEATURES,
        target_name="cardio",
        group_name="gender",
        source=f"{path.name} ({'cleaned' if clean else 'raw'})",
    )


def load_social_network_ads() -> TabularData:
    """400 users: features age and estimated salary, target ``Purchased``, group ``Gender``."""
    path = locate_dataset("portfolio") / "Social_Network_Ads.csv"
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    X = np.array([[float(r["Age"]), float(r["EstimatedSalary"])] for r in rows])
    return TabularData(
        X=X,
        y=np.array([int(r["Purchased"]) for r in rows], dtype=np.int64),
        group=np.array([r["Gender"].lower() for r in rows]),
        feature_names=("age", "estimated_salary"),
        target_name="purchased",
        group_name="gender",
        source=path.name,
    )
