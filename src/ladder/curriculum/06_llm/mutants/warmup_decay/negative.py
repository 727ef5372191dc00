# mutant: goes negative past the end of the run
# likely: stays 0
def warmup_decay(progress, warmup_frac):
    if progress < warmup_frac:
        return progress / warmup_frac
    return (1.0 - progress) / (1.0 - warmup_frac)
