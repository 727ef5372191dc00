# mutant: holds eta_min after T_max instead of following the closed form
# likely: goes on past T_max
import math

from ladder.nn.schedulers import Scheduler


class CosineAnnealingLR(Scheduler):
    def __init__(self, optimizer, T_max: int, eta_min: float = 0.0) -> None:  # noqa: N803
        self.T_max, self.eta_min = T_max, eta_min
        super().__init__(optimizer)

    def lr_at(self, t: int) -> float:
        t = min(t, self.T_max)
        return (
            self.eta_min
            + (self.base_lr - self.eta_min) * (1 + math.cos(math.pi * t / self.T_max)) / 2
        )
