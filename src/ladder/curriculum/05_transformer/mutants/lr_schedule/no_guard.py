# mutant: divides by D − W without max(1, …), failing when there is no decay phase
import math

from ladder.transformer.training import TrainConfig


def lr_at(it: int, cfg: TrainConfig) -> float:
    W, D = cfg.warmup_iters, cfg.lr_decay_iters
    lr, lr_min = cfg.learning_rate, cfg.min_lr
    if it < W:
        return lr * (it + 1) / (W + 1)
    if it > D:
        return lr_min
    coeff = 0.5 * (1 + math.cos(math.pi * (it - W) / (D - W)))
    return lr_min + coeff * (lr - lr_min)
