"""AdamW: decoupled weight decay (Loshchilov & Hutter 2017).

``Adam._update`` (from ``ladder.nn.optim``) calls ``self._decay(p, g)`` first and uses
what it returns as the gradient. Adam's version adds L2 to the gradient
(``g + weight_decay * p``). Write AdamW's: shrink the weights themselves,

    p <- p * (1 - lr * weight_decay)          (in place, on p.data)

and return the gradient *unchanged*. The matching library optimiser is
``torch.optim.AdamW``.
"""

from ladder.nn.optim import Adam


class AdamW(Adam):
    def __init__(
        self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False
    ) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)

    def _decay(self, p, g):
        # TODO
        raise NotImplementedError
