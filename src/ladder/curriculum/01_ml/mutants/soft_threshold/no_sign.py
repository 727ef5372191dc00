# mutant: forgets to put the sign back
# likely: put the sign of z back
def soft_threshold(z: float, t: float) -> float:
    return float(max(abs(z) - t, 0.0))
