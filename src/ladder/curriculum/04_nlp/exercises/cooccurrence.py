r"""GloVe's distance-weighted co-occurrence matrix.

``sentences`` are lists of word ids in ``0..vocab_size-1``. For every pair of positions
``p < q`` in the same sentence with ``q - p <= window``, add ``1 / (q - p)`` to both
``X[w_p, w_q]`` and ``X[w_q, w_p]`` (the matrix is symmetric; a word 3 positions away adds
1/3). Words in different sentences never co-occur.

    cooccurrence_matrix([[0, 1, 2]], 3, window=2)  ->  [[0, 1, 0.5], [1, 0, 1], [0.5, 1, 0]]

Return a ``(vocab_size, vocab_size)`` float array (a NumPy array, or a SciPy sparse
matrix: both are accepted). The matching library function is
``ladder.nlp.glove.cooccurrence_matrix``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Iterable, Sequence

import numpy as np  # noqa: F401 - for your code


def cooccurrence_matrix(sentences: Iterable[Sequence[int]], vocab_size: int, window: int = 10):
    # TODO: for each sentence, for each distance d in 1..window, for each p: add 1/d twice.
    raise NotImplementedError
