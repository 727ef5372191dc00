# mutant: the ratio is inverted, exp(1 - c/r)
# likely: the ratio is r / c
import math


def brevity_penalty(hyp_len: int, ref_len: int) -> float:
    if hyp_len == 0:
        return 0.0
    if hyp_len > ref_len:
        return 1.0
    return math.exp(1 - hyp_len / ref_len)
