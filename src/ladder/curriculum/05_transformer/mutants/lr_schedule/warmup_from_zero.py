# mutant: warm-up lr · it / W, so step 0 gets a rate of 0
# likely: use (it + 1) / (W + 1)
import math

from ladder.transformer.training import TrainConfig


def lr_at(it: int, cfg: TrainConfig) -> float:
    W, D = cfg.warmup_iters, cfg.lr_decay_iters
    lr, lr_min = cfg.learning_rate, cfg.min_lr
    if it < W:
        return lr * it / W
    if it > D:
        return lr_min
    coeff = 0.5 * (1 + math.cos(math.pi * (it - W) / max(1, D - W)))
    return lr_min + coeff * (lr - lr_min)
