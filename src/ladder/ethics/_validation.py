"""Input checks shared by the fairness modules: one clear sentence per mistake."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["as_1d", "same_length", "binary_labels", "group_values", "plain"]


def as_1d(values: ArrayLike, name: str, *, dtype: Any = None) -> np.ndarray:
    """``values`` as a 1-D array, or a ValueError naming ``name``."""
    arr = np.asarray(values, dtype=dtype)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be one-dimensional (one value per sample); got shape {arr.shape}."
        )
    if arr.size == 0:
        raise ValueError(f"{name} is empty; pass at least one sample.")
    return arr


def same_length(**arrays: np.ndarray) -> None:
    """Every array has the same length, or a ValueError naming the two that differ."""
    items = list(arrays.items())
    first_name, first = items[0]
    for name, arr in items[1:]:
        if len(arr) != len(first):
            raise ValueError(
                f"{first_name} has {len(first)} samples but {name} has {len(arr)}; "
                "pass one value per sample in each."
            )


def binary_labels(values: np.ndarray, name: str, pos_label: Any = 1) -> np.ndarray:
    """A boolean array ``values == pos_label`` after checking there are at most two labels."""
    labels = np.unique(values)
    if labels.size > 2:
        raise ValueError(
            f"{name} has {labels.size} distinct labels {labels[:6].tolist()}; this metric needs "
            "binary labels (binarise them first, e.g. y == positive_class)."
        )
    if labels.size == 2 and pos_label not in labels:
        raise ValueError(
            f"pos_label={pos_label!r} is not one of the labels of {name} {labels.tolist()}; "
            "pass the positive class as pos_label."
        )
    return values == pos_label


def plain(value: Any) -> Any:
    """A NumPy scalar as the Python value it holds (so messages show 'a', not np.str_('a'))."""
    return value.item() if isinstance(value, np.generic) else value


def group_values(groups: np.ndarray, *, min_size: int = 2, need_two: bool = False) -> np.ndarray:
    """The sorted distinct groups, after checking each has at least ``min_size`` members."""
    values, counts = np.unique(groups, return_counts=True)
    small = values[counts < min_size]
    if small.size:
        raise ValueError(
            f"group {plain(small[0])!r} of sensitive_features has only "
            f"{int(counts[counts < min_size][0])} member(s); a rate over so few samples means "
            f"nothing: merge it with another group or drop it (each group needs ≥ {min_size})."
        )
    if need_two and values.size < 2:
        raise ValueError(
            f"sensitive_features has a single group {plain(values[0])!r}; a disparity compares at "
            "least two groups."
        )
    return values
