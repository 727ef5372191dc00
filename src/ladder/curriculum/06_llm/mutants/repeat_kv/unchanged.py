# mutant: returns the keys unchanged
def repeat_kv(x, n_rep):
    return x
