# mutant: returns the norm after clipping
# likely: return the norm before clipping
import math


def clip_grad_norm_(params, max_norm: float) -> float:
    grads = [p.grad for p in params if p.grad is not None]
    total = math.sqrt(sum(float((g**2).sum()) for g in grads))
    coef = max_norm / (total + 1e-6)
    if coef < 1:
        for p in params:
            if p.grad is not None:
                p.grad = p.grad * coef
    return math.sqrt(sum(float((p.grad**2).sum()) for p in params if p.grad is not None))
