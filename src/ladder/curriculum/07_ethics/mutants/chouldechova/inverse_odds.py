# mutant: (1 − p)/p instead of p/(1 − p)
# likely: the odds are p/(1 − p)
def chouldechova_fpr(prevalence: float, ppv: float, fnr: float) -> float:
    if not 0 < prevalence < 1 or not 0 < ppv <= 1 or not 0 <= fnr <= 1:
        raise ValueError("out of range")
    return (1 - prevalence) / prevalence * (1 - ppv) / ppv * (1 - fnr)
