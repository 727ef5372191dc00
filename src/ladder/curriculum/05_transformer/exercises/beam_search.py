r"""Beam search: keep the ``num_beams`` most probable partial sequences.

``next_log_probs(sequences)`` takes a list of token lists and returns a NumPy array of
shape ``(len(sequences), V)``: row ``i`` holds :math:`\log P(\text{next} = v \mid
\text{sequences}[i])` for every token ``v``. Start from one beam, ``(list(prompt), 0.0)``,
and repeat ``max_new_tokens`` times:

1. ask ``next_log_probs`` for the rows of all current beams;
2. every beam ``i`` and token ``v`` is a candidate with score
   ``score_i + log_probs[i, v]`` (a total log-probability);
3. go through the candidates from the best score down (ties: the earlier beam, then the
   smaller token id). A candidate ending in ``eos_id`` is finished: keep it aside if it
   is among the ``num_beams`` best candidates of this step, and never extend it. The
   other candidates become the new beams until there are ``num_beams`` of them;
4. stop early once ``num_beams`` sequences are finished.

Return the ``num_beams`` best of finished + current beams as ``(tokens, score)`` pairs,
``tokens`` with the prompt, best first by ``score / L ** length_penalty`` where ``L`` is
the number of generated tokens. With ``num_beams = 1`` this is greedy decoding. The
matching library function is ``ladder.transformer.beam.beam_search`` (Hugging Face's
``generate(num_beams=...)``).

    # after the prompt [2]: token 0 with 0.5, token 1 with 0.4; after 0 at most 0.4,
    # after 1 token 2 with 0.9 -> greedy finds [2, 0, 0] (0.20), two beams [2, 1, 2] (0.36)

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Callable, Sequence

import numpy as np  # noqa: F401 - for your code


def beam_search(
    next_log_probs: Callable[[list[list[int]]], "np.ndarray"],
    prompt: Sequence[int],
    num_beams: int,
    max_new_tokens: int,
    eos_id: int | None = None,
    length_penalty: float = 1.0,
) -> list[tuple[list[int], float]]:
    beams = [(list(prompt), 0.0)]  # noqa: F841 - (tokens, total log-probability)
    finished = []  # noqa: F841 - sequences that ended with eos_id
    # TODO: steps 1-4 above, then rank finished + beams by score / L ** length_penalty.
    raise NotImplementedError
