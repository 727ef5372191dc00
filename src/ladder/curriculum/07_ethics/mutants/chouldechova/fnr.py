# mutant: multiplies by FNR instead of 1 − FNR
# likely: multiply by 1 − FNR
def chouldechova_fpr(prevalence: float, ppv: float, fnr: float) -> float:
    if not 0 < prevalence < 1 or not 0 < ppv <= 1 or not 0 <= fnr <= 1:
        raise ValueError("out of range")
    return prevalence / (1 - prevalence) * (1 - ppv) / ppv * fnr
