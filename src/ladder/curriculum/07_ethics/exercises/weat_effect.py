"""The WEAT effect size (Caliskan et al. 2017).

X and Y (target words) and A and B (attribute words) are arrays of shape (n_words, dim),
one vector per row. With cos the cosine similarity, each word w gets the association

    s(w, A, B) = mean_{a in A} cos(w, a) − mean_{b in B} cos(w, b)

and the effect size is

    d = ( mean_{x in X} s(x, A, B) − mean_{y in Y} s(y, A, B) ) / std_{w in X ∪ Y} s(w, A, B)

with the *sample* standard deviation (ddof=1). Return a Python float.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def weat_effect_size(X, Y, A, B) -> float:
    # TODO: normalise every row to unit length, so dot products are cosines;
    # s = mean over A of cosines − mean over B; then Cohen's d over X ∪ Y.
    raise NotImplementedError
