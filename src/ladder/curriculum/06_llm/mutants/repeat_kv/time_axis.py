# mutant: repeats along the time axis
def repeat_kv(x, n_rep):
    if n_rep == 1:
        return x
    B, g, T, d = x.shape
    return x[:, :, :, None].expand(B, g, T, n_rep, d).reshape(B, g * n_rep, T, d)
