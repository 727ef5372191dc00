"""Loss masking for instruction tuning.

An example's token ids are the prompt (its first ``n_prompt`` ids) followed by the answer.
A language model at position t predicts token t + 1, so the targets are ids[1:]. Score the
answer only: target t is

    ids[t + 1]      if t + 1 ≥ n_prompt   (the next token belongs to the answer)
    ignore_index    otherwise             (cross-entropy skips it)

Return the list of len(ids) − 1 targets. Raise ValueError unless 0 ≤ n_prompt ≤ len(ids).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def mask_prompt(ids: list[int], n_prompt: int, ignore_index: int = -100) -> list[int]:
    # TODO: next-token targets, with the prompt's targets replaced by ignore_index.
    raise NotImplementedError
