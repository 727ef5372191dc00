r"""Edit (Levenshtein) distance.

The fewest single-symbol insertions, deletions and substitutions that turn ``a`` into
``b`` (strings, or lists of tokens). Dynamic programming over a table ``D`` where
``D[i][j]`` is the distance between the first ``i`` symbols of ``a`` and the first
``j`` of ``b``::

    D[i][0] = i,  D[0][j] = j
    D[i][j] = min(D[i-1][j] + 1,                                       # delete a[i-1]
                  D[i][j-1] + 1,                                       # insert b[j-1]
                  D[i-1][j-1] + (0 if a[i-1] == b[j-1] else substitution_cost))

and the answer is ``D[len(a)][len(b)]``. ``edit_distance("kitten", "sitting") == 3``.

``transpositions=True`` (an adjacent swap costs 1, Damerau) is not graded; you may leave
it raising ``NotImplementedError``. The matching library functions are
``ladder.nlp.similarity.edit_distance`` and ``nltk.edit_distance``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Hashable, Sequence


def edit_distance(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    substitution_cost: int = 1,
    transpositions: bool = False,
) -> int:
    # TODO: fill the (len(a)+1) x (len(b)+1) table row by row and return its last cell.
    raise NotImplementedError
