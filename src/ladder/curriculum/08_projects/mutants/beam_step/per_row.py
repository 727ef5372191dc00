# mutant: keeps each hypothesis's best token, then the best of those (never two from one parent)


def beam_step(log_probs, scores, beam_size):
    total = scores[:, None] + log_probs
    row_best, row_tok = total.max(dim=1)
    best, parent = row_best.topk(min(beam_size, row_best.numel()))
    return best, parent, row_tok[parent]
