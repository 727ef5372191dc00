# mutant: ln(1/δ) instead of ln(1.25/δ)
# likely: it is ln(1.25/δ)
import math


def gaussian_mechanism_sigma(sensitivity: float, epsilon: float, delta: float) -> float:
    if sensitivity <= 0 or not 0 < epsilon < 1 or not 0 < delta < 1:
        raise ValueError("out of range")
    return sensitivity * math.sqrt(2 * math.log(1 / delta)) / epsilon
