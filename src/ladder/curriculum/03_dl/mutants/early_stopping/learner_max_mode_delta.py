# mutant: (learner's try) in "max" mode a value only has to beat best − min_delta
# likely: in max mode
from ladder.nn.training import EarlyStopping as _EarlyStopping


class EarlyStopping(_EarlyStopping):
    def step(self, value: float, model=None) -> bool:
        if self.best is None:
            improved = True
        elif self.mode == "min":
            improved = value < self.best - self.min_delta
        else:
            improved = value > self.best - self.min_delta
        if improved:
            self.best = value
            self.best_step = self._count
            self.bad_steps = 0
            if model is not None:
                self.best_state = model.state_dict()
        else:
            self.bad_steps += 1
        self._count += 1
        return self.bad_steps >= self.patience
