# mutant: tiles the heads (x.repeat) instead of repeating each in place
# likely: x.repeat tiles the heads
def repeat_kv(x, n_rep):
    return x.repeat(1, n_rep, 1, 1)
