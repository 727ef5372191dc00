"""Reciprocal-rank fusion of several rankings.

Each ranking lists items best first (rank 1 is the first). An item's fused score is

    RRF(d) = Σ_r 1 / (k + rank_r(d))

summed over the rankings that contain it (a ranking without it adds nothing). Return
``(item, score)`` pairs sorted by score, highest first; ties keep the order in which the
items were first seen (ranking by ranking, top to bottom).

    rankings [["a", "b", "c"], ["b", "c"]], k = 60
    → b: 1/62 + 1/61,  c: 1/63 + 1/62,  a: 1/61   → [b, c, a]

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def reciprocal_rank_fusion(rankings: list[list[str]], k: float = 60.0) -> list[tuple[str, float]]:
    # TODO: accumulate 1 / (k + rank) per item, ranks starting at 1; sort by score.
    raise NotImplementedError
