"""BLEU's brevity penalty.

Precision alone rewards saying little: an output of one sure word has precision 1. BLEU
multiplies the precisions' geometric mean by a penalty for outputs shorter than the
references. With c the total length of the outputs and r that of the references:

    BP = 1                 if c > r   (no bonus for being longer: precision punishes that)
    BP = exp(1 − r / c)    if c ≤ r
    BP = 0                 if c = 0   (an empty output)

    brevity_penalty(8, 10) = exp(1 − 10/8) = exp(−0.25) ≈ 0.7788

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math


def brevity_penalty(hyp_len: int, ref_len: int) -> float:
    # TODO: 1 when the outputs are at least as long, else exp(1 - r/c); 0 for c = 0.
    raise NotImplementedError
