# mutant: decays with the learning rate the optimiser started with
# likely: use the current self.lr
from ladder.nn.optim import Adam


class AdamW(Adam):
    def __init__(
        self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False
    ) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)

    def _decay(self, p, g):
        lr0 = getattr(self, "_lr0", None)
        if lr0 is None:
            lr0 = self._lr0 = self.lr
        p.data *= 1 - lr0 * self.weight_decay
        return g
