# mutant: computes the cell on .data arrays, so nothing flows back through time
import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.nn.recurrent import LSTM as _LSTM


class LSTM(_LSTM):
    def _cell(
        self, x: Tensor, state: list[Tensor], w_ih: Tensor, w_hh: Tensor, b_ih: Tensor, b_hh: Tensor
    ) -> list[Tensor]:
        h, c = state
        H = self.hidden_size
        a = x @ w_ih.T + b_ih + h @ w_hh.T + b_hh
        A = a.data
        sig = lambda z: 1.0 / (1.0 + np.exp(-z))  # noqa: E731
        i, f = sig(A[:, 0:H]), sig(A[:, H : 2 * H])
        g, o = np.tanh(A[:, 2 * H : 3 * H]), sig(A[:, 3 * H : 4 * H])
        cn = f * c.data + i * g
        return [Tensor(o * np.tanh(cn)), Tensor(cn)]
