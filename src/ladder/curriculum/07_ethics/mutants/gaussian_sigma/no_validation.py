# mutant: applies the formula even where it does not hold (ε ≥ 1)
import math


def gaussian_mechanism_sigma(sensitivity: float, epsilon: float, delta: float) -> float:
    if epsilon <= 0 or not 0 < delta < 1:
        raise ValueError("out of range")
    return sensitivity * math.sqrt(2 * math.log(1.25 / delta)) / epsilon
