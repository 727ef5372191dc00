# mutant: uses the library module's private log-sigmoid
# likely: ladder.nlp.word2vec
import numpy as np

from ladder.nlp.word2vec import _log_sigmoid


def negative_sampling_loss(h, u_pos, u_neg):
    x_pos, x_neg = u_pos @ h, u_neg @ h
    loss = -_log_sigmoid(x_pos) - _log_sigmoid(-x_neg).sum()
    s_pos, s_neg = np.exp(_log_sigmoid(x_pos)), np.exp(_log_sigmoid(x_neg))
    dh = (s_pos - 1) * u_pos + s_neg @ u_neg
    return float(loss), dh, (s_pos - 1) * h, s_neg[:, None] * h[None, :]
