"""recall@k: how often the right answer is among the first k results.

``ranked[i]`` is the ranking returned for query i (best first) and ``relevant[i]`` its one
right item. recall@k is the fraction of queries whose right item is in the first k
entries of its ranking:

    ranked [["x", "y", "z"], ["y", "x"], ["z"]], relevant ["x", "x", "x"]
    → recall@1 = 1/3, recall@2 = 2/3

Raise ``ValueError`` when k < 1 or the two lists have different lengths.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def recall_at_k(ranked: list[list[str]], relevant: list[str], k: int) -> float:
    # TODO: count the queries whose relevant item is in ranking[:k]; divide by the queries.
    raise NotImplementedError
