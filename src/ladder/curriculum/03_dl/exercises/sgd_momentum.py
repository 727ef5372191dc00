"""SGD with momentum, Nesterov and weight decay, exactly as ``torch.optim.SGD``.

``Optimizer.step()`` calls ``_update(p, g, state)`` for each parameter ``p`` (a Tensor;
change ``p.data`` in place) with its gradient ``g`` and a dict ``state`` that persists
between steps. Write ``_update``:

    if weight_decay:  g = g + weight_decay * p
    if momentum:
        first step:   b = g (a copy)                       -> state["momentum_buffer"]
        later steps:  b = momentum * b + (1 - dampening) * g
        g = g + momentum * b    if nesterov    else    b
    p = p - lr * g
"""

from ladder.nn.optim import Optimizer


class SGD(Optimizer):
    def __init__(
        self, params, lr=1e-3, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False
    ) -> None:
        super().__init__(params, lr)
        self.momentum, self.dampening = momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov

    def _update(self, p, g, state) -> None:
        # TODO
        raise NotImplementedError
