"""One time step of an LSTM (Hochreiter & Schmidhuber 1997, with the forget gate of
Gers, Schmidhuber & Cummins 2000), in PyTorch's layout.

``LSTM`` (from ``ladder.nn.recurrent``) owns the weights and unrolls the sequence; write
the cell. ``x`` is the input (N, I), ``state`` is ``[h, c]`` (each (N, H)); ``w_ih`` is
(4H, I), ``w_hh`` (4H, H), ``b_ih`` and ``b_hh`` (4H,) — all ``Tensor``s. With

    a = x W_ih^T + b_ih + h W_hh^T + b_hh          (N, 4H), blocks in the order i, f, g, o

    i = sigmoid(a[:, 0:H])      f = sigmoid(a[:, H:2H])
    g = tanh(a[:, 2H:3H])       o = sigmoid(a[:, 3H:4H])
    c' = f * c + i * g          h' = o * tanh(c')

return ``[h', c']``. Use Tensor operations (``@``, ``.T``, slicing, ``.sigmoid()``,
``.tanh()``, ``*``, ``+``) so that backpropagation through time works.
``self.hidden_size`` is H. The matching library layer is ``torch.nn.LSTM``.
"""

from ladder.autograd.tensor import Tensor
from ladder.nn.recurrent import LSTM as _LSTM


class LSTM(_LSTM):
    def _cell(
        self, x: Tensor, state: list[Tensor], w_ih: Tensor, w_hh: Tensor, b_ih: Tensor, b_hh: Tensor
    ) -> list[Tensor]:
        h, c = state
        # TODO: a = ...; the four gates; the new cell and hidden state.
        raise NotImplementedError
