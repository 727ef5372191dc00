# mutant: keeps z unchanged when |z| > t (hard thresholding)
# likely: shrink by t
def soft_threshold(z: float, t: float) -> float:
    return float(z if abs(z) > t else 0.0)
