# mutant: only shrinks positive values
# likely: negative z
def soft_threshold(z: float, t: float) -> float:
    return float(max(z - t, 0.0))
