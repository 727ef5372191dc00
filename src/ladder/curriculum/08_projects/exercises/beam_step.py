"""One step of beam search.

K live hypotheses have summed log-probabilities ``scores`` (K,); the model gives each a
distribution over V next tokens, ``log_probs`` (K, V). Every extension of every
hypothesis is a candidate:

    c(j, v) = scores[j] + log_probs[j, v]

Keep the ``beam_size`` best candidates over the whole (K, V) table (not the best per
hypothesis), best first, and return three tensors of that length: their scores, the
hypothesis each extends (``parents``) and the token it adds (``tokens``).

    scores log(0.5), log(0.5); log_probs log([[0.6, 0.4], [0.1, 0.9]]); beam 2
    →  candidates 0.30, 0.20, 0.05, 0.45  →  parents [1, 0], tokens [1, 0]

If the table has fewer than ``beam_size`` entries, keep them all.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def beam_step(log_probs: Tensor, scores: Tensor, beam_size: int) -> tuple[Tensor, Tensor, Tensor]:
    # TODO: add scores[:, None], flatten, topk, then recover (parent, token) from the flat index.
    raise NotImplementedError
