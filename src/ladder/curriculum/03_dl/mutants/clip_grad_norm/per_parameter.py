# mutant: clips each parameter by its own norm and returns the largest
# likely: one norm over all parameters
import math


def clip_grad_norm_(params, max_norm: float) -> float:
    largest = 0.0
    for p in params:
        if p.grad is None:
            continue
        norm = math.sqrt(float((p.grad**2).sum()))
        largest = max(largest, norm)
        coef = max_norm / (norm + 1e-6)
        if coef < 1:
            p.grad = p.grad * coef
    return largest
