# mutant: clips each parameter's gradient separately
# likely: the norm is over all parameters of an example together


def clip_per_sample(grads: dict, max_norm: float) -> dict:
    out = {}
    for k, g in grads.items():
        norms = g.reshape(len(g), -1).norm(dim=1)
        factor = (max_norm / (norms + 1e-6)).clamp(max=1.0)
        out[k] = g * factor.reshape(-1, *([1] * (g.dim() - 1)))
    return out
