# mutant: warm-up only, then a constant rate
# likely: the rate must fall to 0
def warmup_decay(progress, warmup_frac):
    return min(1.0, progress / warmup_frac)
