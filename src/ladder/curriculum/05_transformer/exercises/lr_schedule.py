"""The learning-rate schedule of GPT training: linear warm-up, cosine decay, floor.

With W = cfg.warmup_iters, D = cfg.lr_decay_iters, lr = cfg.learning_rate and
lr_min = cfg.min_lr, the learning rate of step ``it`` is

    it < W:        lr · (it + 1) / (W + 1)
    it > D:        lr_min
    otherwise:     lr_min + ½ (1 + cos(π (it − W) / (D − W))) · (lr − lr_min)

(use max(1, D − W) as the denominator). ``cfg`` is a ``ladder.transformer.training.
TrainConfig``. torch's ``LinearLR`` followed by ``CosineAnnealingLR`` gives the same curve.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math

from ladder.transformer.training import TrainConfig


def lr_at(it: int, cfg: TrainConfig) -> float:
    # TODO: three cases: warm-up, after the decay, cosine in between.
    raise NotImplementedError
