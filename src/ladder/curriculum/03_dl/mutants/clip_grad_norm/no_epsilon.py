# mutant: coef = max_norm / total, without torch's 1e-6
# likely: coef = max_norm / (total + 1e-6)
import math


def clip_grad_norm_(params, max_norm: float) -> float:
    grads = [p.grad for p in params if p.grad is not None]
    total = math.sqrt(sum(float((g**2).sum()) for g in grads))
    coef = max_norm / total if total else 1.0
    if coef < 1:
        for p in params:
            if p.grad is not None:
                p.grad = p.grad * coef
    return total
