# mutant: the penalty is applied to longer outputs too
# likely: apply exp(1 - r/c) only when c <= r
import math


def brevity_penalty(hyp_len: int, ref_len: int) -> float:
    if hyp_len == 0:
        return 0.0
    return math.exp(1 - ref_len / hyp_len)
