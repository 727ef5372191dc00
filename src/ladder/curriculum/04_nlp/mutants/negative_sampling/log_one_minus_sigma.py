# mutant: log(1 - σ(x)) for the negatives, with the textbook sigmoid: -inf once σ rounds to 1
# likely: rounds to 0
import numpy as np


def negative_sampling_loss(h, u_pos, u_neg):
    s_pos = 1 / (1 + np.exp(-(u_pos @ h)))
    s_neg = 1 / (1 + np.exp(-(u_neg @ h)))
    loss = -np.log(s_pos) - np.log(1 - s_neg).sum()
    dh = (s_pos - 1) * u_pos + s_neg @ u_neg
    return float(loss), dh, (s_pos - 1) * h, s_neg[:, None] * h[None, :]
