# mutant: (learner) averages the negatives' terms instead of summing them
import numpy as np


def negative_sampling_loss(h, u_pos, u_neg):
    x_pos, x_neg = u_pos @ h, u_neg @ h
    loss = np.logaddexp(0, -x_pos) + np.logaddexp(0, x_neg).mean()
    s_pos, s_neg = 1 / (1 + np.exp(-x_pos)), 1 / (1 + np.exp(-x_neg))
    dh = (s_pos - 1) * u_pos + s_neg @ u_neg / len(u_neg)
    return float(loss), dh, (s_pos - 1) * h, s_neg[:, None] * h[None, :] / len(u_neg)
