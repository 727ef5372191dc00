# mutant: anneals to 0, ignoring eta_min
# likely: add eta_min
import math

from ladder.nn.schedulers import Scheduler


class CosineAnnealingLR(Scheduler):
    def __init__(self, optimizer, T_max: int, eta_min: float = 0.0) -> None:  # noqa: N803
        self.T_max, self.eta_min = T_max, eta_min
        super().__init__(optimizer)

    def lr_at(self, t: int) -> float:
        return self.base_lr * (1 + math.cos(math.pi * t / self.T_max)) / 2
