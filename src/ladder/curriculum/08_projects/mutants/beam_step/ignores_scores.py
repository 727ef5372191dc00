# mutant: ranks next tokens by their own log-probability, ignoring the hypotheses' scores
# likely: add each hypothesis's score


def beam_step(log_probs, scores, beam_size):
    V = log_probs.size(1)
    flat = log_probs.reshape(-1)
    best, idx = flat.topk(min(beam_size, flat.numel()))
    return best + scores[idx // V], idx // V, idx % V
