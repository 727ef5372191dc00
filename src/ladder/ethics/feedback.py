"""A runaway feedback loop (Ensign et al. 2018), in expectation, with no randomness.

Two districts have the *same* true incident rate. Each day a fixed number of patrols goes
out, allocated from the incidents recorded so far; incidents are only recorded where
patrols are (each patrol records ``rate`` incidents on average). So the data a model
learns from is produced by the model's own decisions.

* ``rule="greedy"``: every patrol goes to the district with the most recorded incidents
  (ties to the first). A head start of one incident sends every patrol there forever: the
  recorded share of that district tends to 1 although the districts are identical.
* ``rule="proportional"``: patrols split in proportion to recorded incidents (a Pólya
  urn). The recorded shares stay at the initial, arbitrary split: the error is never
  corrected, because nothing is observed where nobody looks.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["simulate_patrols"]


def simulate_patrols(
    initial: ArrayLike,
    true_rates: ArrayLike,
    *,
    days: int,
    patrols_per_day: float,
    rule: str = "greedy",
) -> np.ndarray:
    """Recorded incidents per district after each day, shape ``(days + 1, n_districts)``."""
    counts = np.asarray(initial, dtype=np.float64)
    rates = np.asarray(true_rates, dtype=np.float64)
    if counts.shape != rates.shape or counts.ndim != 1 or counts.size < 2:
        raise ValueError("initial and true_rates need one value per district (at least two).")
    if (counts < 0).any() or counts.sum() == 0:
        raise ValueError("initial counts must be non-negative and not all zero.")
    if rule not in ("greedy", "proportional"):
        raise ValueError(f"rule must be 'greedy' or 'proportional', got {rule!r}.")
    if not isinstance(days, int) or days < 0:
        raise ValueError(f"days must be a non-negative integer, got {days!r}.")
    history = [counts.copy()]
    for _ in range(days):
        if rule == "greedy":
            patrols = np.zeros_like(counts)
            patrols[int(np.argmax(counts))] = patrols_per_day
        else:
            patrols = patrols_per_day * counts / counts.sum()
        counts = counts + patrols * rates
        history.append(counts.copy())
    return np.array(history)
