r"""Positive pointwise mutual information of a term–context count matrix.

``counts`` is a (words × contexts) array of non-negative counts ``n[w, c]``. With ``N``
the total count:

    P(w, c) = n[w, c] / N
    P(w)    = (row sum of w) / N
    P(c)    = (column sum of c) ** alpha / sum over c' of (column sum of c') ** alpha
    PPMI(w, c) = max(log2(P(w, c) / (P(w) * P(c))), 0),   and 0 where n[w, c] = 0

``alpha = 1`` is plain PMI; ``alpha = 0.75`` smooths the context probabilities. Return a
float array of the same shape. Raise ``ValueError`` for a matrix that is not 2-D, has a
negative count or sums to 0, and for ``alpha <= 0``. The matching library function is
``ladder.nlp.ppmi.ppmi``.

    ppmi([[6, 0, 1], [0, 4, 2], [4, 0, 1]])[0, 0]  ->  log2((6/18) / ((7/18) * (10/18))) = 0.626

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np  # noqa: F401 - for your code


def ppmi(counts, alpha: float = 1.0):
    # TODO: the probabilities above (with arrays, not loops), the log2 ratio, then clip at 0.
    raise NotImplementedError
