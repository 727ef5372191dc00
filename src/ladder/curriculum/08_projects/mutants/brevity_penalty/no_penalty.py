# mutant: no penalty at all
# likely: outputs shorter than the references must be penalised
def brevity_penalty(hyp_len: int, ref_len: int) -> float:
    return 1.0
