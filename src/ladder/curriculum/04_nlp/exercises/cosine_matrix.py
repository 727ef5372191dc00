r"""All pairwise cosine similarities between the rows of two matrices.

``X`` is ``(n, d)``, ``Y`` is ``(m, d)`` (``Y=None`` means ``Y = X``). Return the
``(n, m)`` array ``S`` with ``S[i, j] = cos(X[i], Y[j])``. Do it without a Python loop:
divide each row by its Euclidean norm, then one matrix product does all the dot
products. A row of zeros has no direction: give it cosine 0 with everything (as
scikit-learn does), by dividing it by 1 instead of 0.

The matching library function is ``ladder.nlp.similarity.cosine_similarity_matrix``
(``sklearn.metrics.pairwise.cosine_similarity``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def cosine_similarity_matrix(X, Y=None) -> np.ndarray:
    # TODO: unit rows (norm 0 -> 1), then unit(X) @ unit(Y).T
    raise NotImplementedError
