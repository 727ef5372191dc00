# mutant: only the cosine term
# likely: add rotate_half(x)
import torch


def apply_rope(x, cos, sin):
    return x * cos
