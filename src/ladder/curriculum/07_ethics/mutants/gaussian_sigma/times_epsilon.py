# mutant: multiplies by ε instead of dividing
# likely: divide by ε
import math


def gaussian_mechanism_sigma(sensitivity: float, epsilon: float, delta: float) -> float:
    if sensitivity <= 0 or not 0 < epsilon < 1 or not 0 < delta < 1:
        raise ValueError("out of range")
    return sensitivity * math.sqrt(2 * math.log(1.25 / delta)) * epsilon
