# mutant: any improvement counts, however small
# likely: improve only if value < best − min_delta
from ladder.nn.training import EarlyStopping as _EarlyStopping


class EarlyStopping(_EarlyStopping):
    def step(self, value: float, model=None) -> bool:
        improved = self.best is None or (
            value < self.best if self.mode == "min" else value > self.best
        )
        if improved:
            self.best, self.best_step, self.bad_steps = value, self._count, 0
            if model is not None:
                self.best_state = model.state_dict()
        else:
            self.bad_steps += 1
        self._count += 1
        return self.bad_steps >= self.patience
