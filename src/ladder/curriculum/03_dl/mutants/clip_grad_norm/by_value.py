# mutant: clips each element to [−max_norm, max_norm] (clipping by value)
# likely: that is clipping by value
import math

import numpy as np


def clip_grad_norm_(params, max_norm: float) -> float:
    grads = [p.grad for p in params if p.grad is not None]
    total = math.sqrt(sum(float((g**2).sum()) for g in grads))
    for p in params:
        if p.grad is not None:
            p.grad = np.clip(p.grad, -max_norm, max_norm)
    return total
