"""A threshold for a target selection rate.

Given scores and a target selection rate r in [0, 1], return a threshold t such that the
rule "select when score > t" selects k = round(r · n) people: the midpoint between the
k-th and the (k+1)-th highest score. For k = 0 return +inf (nobody is selected); for
k = n return −inf (everybody is). Return a Python float. Raise ValueError when r is
outside [0, 1]. Post-processing with group thresholds applies such a rule per group.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def threshold_for_rate(scores, rate: float) -> float:
    # TODO: sort the scores from highest to lowest, k = int(round(rate * n)),
    # and return the midpoint of desc[k - 1] and desc[k] (with the two infinite cases).
    raise NotImplementedError
