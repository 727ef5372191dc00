"""Reweighing (Kamiran & Calders 2012).

Give every sample in cell (group a, label y) the weight

    w(a, y) = P(a) · P(y) / P(a, y) = n_a · n_y / (n · n_ay)

where the counts are sums of the existing ``sample_weight`` (1 for everyone when it is
None), and multiply each sample's own weight by its cell's w. Return a float array with
one weight per sample, in the input order. Under these weights the label is independent
of the group. AIF360's ``Reweighing`` computes the same instance weights.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def reweighing_weights(y, sensitive_features, sample_weight=None):
    # TODO: n = total weight; for each group a and label c: n_a, n_c, n_ac (weighted
    # counts); every sample of cell (a, c) gets its own weight times n_a * n_c / (n * n_ac).
    raise NotImplementedError
