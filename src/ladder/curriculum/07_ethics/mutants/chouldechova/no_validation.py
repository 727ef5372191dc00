# mutant: no range checks (divides by zero or returns nonsense)
def chouldechova_fpr(prevalence: float, ppv: float, fnr: float) -> float:
    try:
        return prevalence / (1 - prevalence) * (1 - ppv) / ppv * (1 - fnr)
    except ZeroDivisionError:
        return float("inf")
