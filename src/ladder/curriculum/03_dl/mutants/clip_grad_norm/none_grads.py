# mutant: assumes every parameter has a gradient
import math


def clip_grad_norm_(params, max_norm: float) -> float:
    total = math.sqrt(sum(float((p.grad**2).sum()) for p in params))
    coef = max_norm / (total + 1e-6)
    if coef < 1:
        for p in params:
            p.grad = p.grad * coef
    return total
