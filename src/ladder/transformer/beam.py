r"""Beam search: keep the ``num_beams`` most probable partial sequences, not only one.

At every step each beam is extended by every token; a candidate's score is its total
log-probability :math:`\sum_t \log P(x_t \mid x_{<t})`; the ``num_beams`` best candidates
survive. With ``num_beams = 1`` this is greedy decoding.

A candidate that ends in ``eos_id`` is finished: it is set aside (if it ranks among the
``num_beams`` best candidates of its step, as in Hugging Face) and no longer extended;
the search stops once ``num_beams`` sequences are finished or after ``max_new_tokens``
steps. Finished and unfinished beams are then ranked by the length-normalised score
:math:`\text{score} / L^{\alpha}`, with :math:`L` the number of generated tokens and
:math:`\alpha` the ``length_penalty`` (raw sums favour short sequences).

Without an end token every beam has the same length, and the best one equals Hugging
Face's ``generate(num_beams=k, do_sample=False)`` (``tests/transformer/test_beam.py``).

A bigram model over three tokens: after the prompt token 2, token 0 has probability 0.5
and token 1 0.4; after 0 nothing beats 0.4, after 1 token 2 has 0.9.

>>> import numpy as np
>>> table = np.log(np.array([[0.4, 0.3, 0.3], [0.05, 0.05, 0.9], [0.5, 0.4, 0.1]]))
>>> step = lambda seqs: table[[s[-1] for s in seqs]]
>>> beam_search(step, [2], num_beams=1, max_new_tokens=2)[0]  # greedy: 0.5 × 0.4
([2, 0, 0], -1.6094379124341003)
>>> beam_search(step, [2], num_beams=2, max_new_tokens=2)[0]  # 0.4 × 0.9 = 0.36
([2, 1, 2], -1.0216512475319812)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

__all__ = ["beam_search", "gpt_next_log_probs"]


def beam_search(
    next_log_probs: Callable[[list[list[int]]], np.ndarray],
    prompt: Sequence[int],
    num_beams: int,
    max_new_tokens: int,
    eos_id: int | None = None,
    length_penalty: float = 1.0,
) -> list[tuple[list[int], float]]:
    """The ``num_beams`` best sequences (prompt included) with their total log-probability,
    best first by ``score / (generated tokens) ** length_penalty``.

    ``next_log_probs(sequences)`` returns an array ``(len(sequences), V)`` of
    :math:`\\log P(\\text{next} = v \\mid \\text{sequence})`.
    """
    if not isinstance(num_beams, int) or num_beams < 1:
        raise ValueError(f"num_beams must be a positive integer, got {num_beams!r}.")
    if not isinstance(max_new_tokens, int) or max_new_tokens < 1:
        raise ValueError(f"max_new_tokens must be a positive integer, got {max_new_tokens!r}.")
    beams: list[tuple[list[int], float]] = [(list(prompt), 0.0)]
    finished: list[tuple[list[int], float]] = []
    for _ in range(max_new_tokens):
        lp = np.asarray(next_log_probs([seq for seq, _ in beams]), dtype=np.float64)
        if lp.ndim != 2 or lp.shape[0] != len(beams):
            raise ValueError(
                f"next_log_probs returned shape {lp.shape} for {len(beams)} sequences; it "
                "must return one row of log-probabilities per sequence."
            )
        V = lp.shape[1]
        total = (np.array([score for _, score in beams])[:, None] + lp).ravel()
        order = np.argsort(-total, kind="stable")  # ties: earlier beam, then smaller id
        survivors: list[tuple[list[int], float]] = []
        for rank, flat in enumerate(order.tolist()):
            i, v = divmod(flat, V)
            seq = [*beams[i][0], v]
            if eos_id is not None and v == eos_id:
                if rank < num_beams:
                    finished.append((seq, float(total[flat])))
                continue
            survivors.append((seq, float(total[flat])))
            if len(survivors) == num_beams:
                break
        beams = survivors
        if len(finished) >= num_beams or not beams:
            break
    n_prompt = len(prompt)

    def normalised(item: tuple[list[int], float]) -> float:
        return item[1] / max(len(item[0]) - n_prompt, 1) ** length_penalty

    return sorted(finished + beams, key=normalised, reverse=True)[:num_beams]


def gpt_next_log_probs(model) -> Callable[[list[list[int]]], np.ndarray]:
    """``next_log_probs`` for a ``ladder.transformer.gpt.GPT`` (or any model whose
    ``forward(idx)`` returns ``(logits, loss)``): the log-softmax of the last position."""
    import torch

    def step(sequences: list[list[int]]) -> np.ndarray:
        idx = torch.tensor(sequences, dtype=torch.long)
        with torch.no_grad():
            logits, _ = model(idx)
        return torch.log_softmax(logits[:, -1, :].double(), dim=-1).numpy()

    return step
