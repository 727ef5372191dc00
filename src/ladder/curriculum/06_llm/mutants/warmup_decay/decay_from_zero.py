# mutant: decays as 1 − p, ignoring the warm-up share
# likely: divide (1 − p) by (1 − warmup_frac)
def warmup_decay(progress, warmup_frac):
    if progress < warmup_frac:
        return progress / warmup_frac
    return max(0.0, 1.0 - progress)
