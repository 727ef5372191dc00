"""From Rényi DP to (ε, δ)-DP.

A mechanism that is (α, ρ(α))-RDP at each order α in ``orders`` (``rdp[i]`` at
``orders[i]``) is (ε, δ)-DP with (Balle et al. 2020, Theorem 21)

    ε(α) = ρ(α) + log((α − 1) / α) − (log δ + log α) / (α − 1)

for every order; keep the best one. Return the tuple (ε, α) of the order with the
smallest ε, both as Python floats. Raise ValueError when δ is not in (0, 1) or when rdp
and orders have different lengths. Opacus' ``privacy_analysis.get_privacy_spent``
does the same.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math

import numpy as np


def rdp_to_epsilon(rdp, orders, delta: float) -> tuple:
    # TODO: vectorise the formula over the orders and take the argmin.
    raise NotImplementedError
