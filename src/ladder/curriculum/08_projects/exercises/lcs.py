"""The longest common subsequence (LCS) behind ROUGE-L.

A subsequence keeps the order of the words but may skip some. Fill a table L where
L[i][j] is the LCS length of the first i tokens of a and the first j tokens of b:

    L[i][0] = L[0][j] = 0
    L[i][j] = L[i−1][j−1] + 1              if a[i−1] == b[j−1]
            = max(L[i−1][j], L[i][j−1])    otherwise

and return L[len(a)][len(b)].

    "the cat sat on the mat" vs "the cat lay on a mat"  →  4  (the cat … on … mat)

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def lcs_length(a: list[str], b: list[str]) -> int:
    # TODO: dynamic programming over a (len(a)+1) x (len(b)+1) table.
    raise NotImplementedError
