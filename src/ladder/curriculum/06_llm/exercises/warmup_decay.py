"""The learning-rate multiplier of fine-tuning: linear warm-up, then linear decay.

At training progress p ∈ [0, 1] (the share of the run done) with warm-up share w:

    m(p) = p / w                    for p < w
    m(p) = max(0, (1 − p) / (1 − w)) otherwise

It rises from 0 to 1 over the warm-up, falls to 0 at the end of the run and stays 0 beyond.
(BERT's schedule, ``transformers.get_linear_schedule_with_warmup``, in units of the run.)

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def warmup_decay(progress: float, warmup_frac: float) -> float:
    # TODO: rise over the warm-up, then fall to zero at progress 1.
    raise NotImplementedError
