# mutant: the loss in bits (log2) instead of nats
# likely: natural log
import numpy as np


def negative_sampling_loss(h, u_pos, u_neg):
    x_pos, x_neg = u_pos @ h, u_neg @ h
    s_pos, s_neg = 1 / (1 + np.exp(-x_pos)), 1 / (1 + np.exp(-x_neg))
    loss = -np.log2(s_pos) - np.log2(1 / (1 + np.exp(x_neg))).sum()
    dh = (s_pos - 1) * u_pos + s_neg @ u_neg
    return float(loss), dh, (s_pos - 1) * h, s_neg[:, None] * h[None, :]
