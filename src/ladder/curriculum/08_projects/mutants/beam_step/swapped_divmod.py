# mutant: parent and token recovered with the wrong divisor (K instead of V)


def beam_step(log_probs, scores, beam_size):
    K, V = log_probs.shape
    total = (scores[:, None] + log_probs).reshape(-1)
    best, idx = total.topk(min(beam_size, total.numel()))
    return best, idx % K, idx // K
