# mutant: (learner's try) Nesterov looks ahead with the buffer from before this step's update
from ladder.nn.optim import Optimizer


class SGD(Optimizer):
    def __init__(
        self, params, lr=1e-3, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False
    ) -> None:
        super().__init__(params, lr)
        self.momentum, self.dampening = momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov

    def _update(self, p, g, state) -> None:
        if self.weight_decay:
            g = g + self.weight_decay * p.data
        if self.momentum:
            old = state.get("momentum_buffer")
            if old is None:
                buf = g.copy()
            else:
                buf = self.momentum * old + (1 - self.dampening) * g
            state["momentum_buffer"] = buf
            if self.nesterov:
                g = g + self.momentum * (old if old is not None else buf)
            else:
                g = buf
        p.data -= self.lr * g
