# mutant: PPV/(1 − PPV) instead of (1 − PPV)/PPV
# likely: it is (1 − PPV)/PPV
def chouldechova_fpr(prevalence: float, ppv: float, fnr: float) -> float:
    if not 0 < prevalence < 1 or not 0 < ppv < 1 or not 0 <= fnr <= 1:
        raise ValueError("out of range")
    return prevalence / (1 - prevalence) * ppv / (1 - ppv) * (1 - fnr)
