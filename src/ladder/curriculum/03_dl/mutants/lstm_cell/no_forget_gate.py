# mutant: c' = c + i ⊙ g (the old cell state is never forgotten)
from ladder.autograd.tensor import Tensor
from ladder.nn.recurrent import LSTM as _LSTM


class LSTM(_LSTM):
    def _cell(
        self, x: Tensor, state: list[Tensor], w_ih: Tensor, w_hh: Tensor, b_ih: Tensor, b_hh: Tensor
    ) -> list[Tensor]:
        h, c = state
        H = self.hidden_size
        a = x @ w_ih.T + b_ih + h @ w_hh.T + b_hh
        i = a[:, 0:H].sigmoid()
        g, o = a[:, 2 * H : 3 * H].tanh(), a[:, 3 * H : 4 * H].sigmoid()
        c = c + i * g
        return [o * c.tanh(), c]
