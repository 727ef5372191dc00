# mutant: treats the end token like any other token and keeps extending
from collections.abc import Sequence

import numpy as np


def beam_search(
    next_log_probs,
    prompt: Sequence[int],
    num_beams: int,
    max_new_tokens: int,
    eos_id=None,
    length_penalty: float = 1.0,
):
    if num_beams < 1 or max_new_tokens < 1:
        raise ValueError("num_beams and max_new_tokens must be positive")
    beams = [(list(prompt), 0.0)]
    finished = []
    for _ in range(max_new_tokens):
        lp = np.asarray(next_log_probs([seq for seq, _ in beams]), dtype=float)
        V = lp.shape[1]
        total = np.array([s for _, s in beams])[:, None] + lp
        order = np.argsort(-total.ravel(), kind="stable")
        survivors = []
        for rank, flat in enumerate(order.tolist()):
            i, v = divmod(flat, V)
            seq = [*beams[i][0], v]
            if False:
                if rank < num_beams:
                    finished.append((seq, float(total.ravel()[flat])))
                continue
            survivors.append((seq, float(total.ravel()[flat])))
            if len(survivors) == num_beams:
                break
        beams = survivors
        if len(finished) >= num_beams or not beams:
            break
    n = len(prompt)
    return sorted(
        finished + beams, key=lambda b: b[1] / max(len(b[0]) - n, 1) ** length_penalty, reverse=True
    )[:num_beams]
