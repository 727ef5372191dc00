"""Discriminative (layer-wise) learning rates, as in ULMFiT.

Lower layers of a pretrained model hold general features and should move least. Give layer
l of n (l = 0 is the bottom, l = n − 1 the top) the learning rate

    lr_l = top_lr / decay^(n − 1 − l)

so the top layer gets ``top_lr`` and each layer below it ``decay`` times less (Howard &
Ruder use decay = 2.6). Return the list [lr_0, …, lr_{n−1}]. Raise ValueError when
n_layers < 1, top_lr ≤ 0 or decay < 1.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def layerwise_lrs(n_layers: int, top_lr: float, decay: float = 2.6) -> list[float]:
    # TODO: one learning rate per layer, bottom first.
    raise NotImplementedError
