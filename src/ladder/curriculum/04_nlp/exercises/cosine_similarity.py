r"""Cosine similarity of two vectors.

    cos(u, v) = (u · v) / (||u|| ||v||)

The cosine of the angle between ``u`` and ``v``: 1 for the same direction, 0 for
orthogonal vectors (documents with no word in common), -1 for opposite ones. It ignores
lengths, so a document and the same document repeated three times have cosine 1.

Accept lists or arrays; return a Python ``float``. Raise ``ValueError`` if the vectors
differ in length or either is all zeros (the angle is undefined). The matching library
function is ``ladder.nlp.similarity.cosine_similarity``
(``1 - scipy.spatial.distance.cosine``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np  # noqa: F401 - for your code


def cosine_similarity(u, v) -> float:
    # TODO: float arrays, validate, then dot product over the product of the norms.
    raise NotImplementedError
