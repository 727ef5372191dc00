# mutant: uses t + 1, so the first rate is already below the base rate
# likely: off by one
import math

from ladder.nn.schedulers import Scheduler


class CosineAnnealingLR(Scheduler):
    def __init__(self, optimizer, T_max: int, eta_min: float = 0.0) -> None:  # noqa: N803
        self.T_max, self.eta_min = T_max, eta_min
        super().__init__(optimizer)

    def lr_at(self, t: int) -> float:
        return (
            self.eta_min
            + (self.base_lr - self.eta_min) * (1 + math.cos(math.pi * (t + 1) / self.T_max)) / 2
        )
