"""Neutralise a word vector (Bolukbasi et al. 2016).

Given a vector w and a bias direction g (not necessarily of unit length), remove w's
component along g and return a unit vector:

    ŵ = w / ‖w‖,   ĝ = g / ‖g‖,   r = ŵ − (ŵ · ĝ) ĝ,   return r / ‖r‖

The result has cosine 0 with g. Return a NumPy float array of w's shape.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def neutralize(w, direction):
    # TODO: normalise both vectors, subtract the projection on the direction,
    # normalise what is left.
    raise NotImplementedError
