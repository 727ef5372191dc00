# mutant: only the cosine term
# likely: add rotate_half(x)


def apply_rope(x, cos, sin):
    return x * cos
