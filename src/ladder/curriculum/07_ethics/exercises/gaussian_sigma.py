"""The noise of the Gaussian mechanism.

Releasing a query f whose value moves by at most Δ (its L2 sensitivity) when one person's
data changes, plus Gaussian noise N(0, σ²), is (ε, δ)-differentially private for
0 < ε < 1 when

    σ = Δ · sqrt(2 · ln(1.25 / δ)) / ε

(Dwork & Roth 2014, Theorem A.1). Return σ as a Python float. Raise ValueError when
sensitivity ≤ 0, when ε is not in (0, 1) (the bound does not hold there), or when δ is
not in (0, 1).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math


def gaussian_mechanism_sigma(sensitivity: float, epsilon: float, delta: float) -> float:
    # TODO: validate the three arguments, then apply the formula.
    raise NotImplementedError
