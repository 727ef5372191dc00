r"""Recurrent layers: ``RNN``, ``LSTM``, ``GRU``, unrolled over time on :mod:`ladder.autograd`.

One step maps the input :math:`x_t` and the previous state to the next state
(``W_i*`` act on :math:`x_t`, ``W_h*`` on :math:`h_{t-1}`; :math:`\sigma` is the sigmoid):

* **RNN** (Elman): :math:`h_t = \tanh(W_{ih}x_t + b_{ih} + W_{hh}h_{t-1} + b_{hh})`.
* **LSTM** (Hochreiter & Schmidhuber 1997), gates in PyTorch's order i, f, g, o:
  :math:`c_t = f \odot c_{t-1} + i \odot g`, :math:`h_t = o \odot \tanh(c_t)` with
  :math:`i,f,o = \sigma(\cdot)`, :math:`g = \tanh(\cdot)`. The additive cell path lets
  gradients flow over many steps.
* **GRU** (Cho et al. 2014, arXiv:1406.1078), gates r, z, n:
  :math:`n = \tanh(W_{in}x_t + b_{in} + r \odot (W_{hn}h_{t-1} + b_{hn}))`,
  :math:`h_t = (1-z)\odot n + z \odot h_{t-1}`.

Backpropagation *through time* needs nothing special: the unrolled loop is an ordinary
graph. Parameter names and shapes (``weight_ih_l0: (G·H, input_size)``, gates stacked
in that order) equal ``torch.nn.RNN/LSTM/GRU``'s, so weights copy across; the parity test
compares outputs, final states and every gradient.
"""

from __future__ import annotations

import numpy as np

from ladder.autograd.functional import stack
from ladder.autograd.tensor import Tensor
from ladder.nn import init
from ladder.nn.module import Module, Parameter

__all__ = ["RNN", "LSTM", "GRU"]


class _Recurrent(Module):
    _gates = 1

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        num_layers: int = 1,
        bias: bool = True,
        batch_first: bool = False,
        dtype=np.float32,
    ) -> None:
        super().__init__()
        self.input_size, self.hidden_size, self.num_layers = input_size, hidden_size, num_layers
        self.bias, self.batch_first = bias, batch_first
        bound = 1.0 / np.sqrt(hidden_size)  # PyTorch: U(±1/√H) for every weight and bias
        rng = init.get_rng()
        gh = self._gates * hidden_size
        for layer in range(num_layers):
            fan = input_size if layer == 0 else hidden_size
            shapes = {"weight_ih": (gh, fan), "weight_hh": (gh, hidden_size)}
            if bias:
                shapes |= {"bias_ih": (gh,), "bias_hh": (gh,)}
            for name, shape in shapes.items():
                value = rng.uniform(-bound, bound, size=shape).astype(dtype)
                setattr(self, f"{name}_l{layer}", Parameter(value))

    def _weights(self, layer: int) -> tuple[Tensor, Tensor, Tensor | None, Tensor | None]:
        get = lambda n: getattr(self, f"{n}_l{layer}", None)  # noqa: E731
        return get("weight_ih"), get("weight_hh"), get("bias_ih"), get("bias_hh")

    def _check(self, x: Tensor) -> tuple[int, int]:
        if x.ndim != 3 or x.shape[2] != self.input_size:
            layout = "(N, T, input_size)" if self.batch_first else "(T, N, input_size)"
            raise ValueError(
                f"{type(self).__name__}: input shape {x.shape}, expected {layout} with "
                f"input_size={self.input_size}. Set batch_first to match your layout."
            )
        return (x.shape[1], x.shape[0]) if self.batch_first else (x.shape[0], x.shape[1])

    def _initial(self, given: Tensor | None, n: int, dtype) -> list[Tensor]:
        if given is None:
            zero = np.zeros((n, self.hidden_size), dtype=dtype)
            return [Tensor(zero) for _ in range(self.num_layers)]
        return [given[layer] for layer in range(self.num_layers)]

    def _run(self, x: Tensor, states: list[list[Tensor]]) -> tuple[Tensor, list[list[Tensor]]]:
        """Unroll all layers; ``states[k][layer]`` is state component k (h, or h and c)."""
        T, _ = self._check(x)
        inputs = [x[:, t] if self.batch_first else x[t] for t in range(T)]
        finals: list[list[Tensor]] = [[] for _ in states]
        for layer in range(self.num_layers):
            w = self._weights(layer)
            state = [s[layer] for s in states]
            outputs = []
            for xt in inputs:
                state = self._cell(xt, state, *w)
                outputs.append(state[0])
            for k, s in enumerate(state):
                finals[k].append(s)
            inputs = outputs
        out = stack(inputs, axis=1 if self.batch_first else 0)
        return out, finals

    @staticmethod
    def _affine(x: Tensor, w: Tensor, b: Tensor | None) -> Tensor:
        y = x @ w.T
        return y + b if b is not None else y

    def _cell(self, x, state, w_ih, w_hh, b_ih, b_hh) -> list[Tensor]:
        raise NotImplementedError

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}, num_layers={self.num_layers}"


class RNN(_Recurrent):
    """Elman RNN with tanh (``torch.nn.RNN``). ``forward(x, h0) -> (output, h_n)``."""

    def __init__(self, *args, nonlinearity: str = "tanh", **kwargs) -> None:
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}.")
        super().__init__(*args, **kwargs)
        self.nonlinearity = nonlinearity

    def _cell(self, x, state, w_ih, w_hh, b_ih, b_hh):
        pre = self._affine(x, w_ih, b_ih) + self._affine(state[0], w_hh, b_hh)
        return [pre.tanh() if self.nonlinearity == "tanh" else pre.relu()]

    def forward(self, x: Tensor, h0: Tensor | None = None) -> tuple[Tensor, Tensor]:
        _, n = self._check(x)
        out, (h,) = self._run(x, [self._initial(h0, n, x.dtype)])
        return out, stack(h)


class LSTM(_Recurrent):
    """Long short-term memory (``torch.nn.LSTM``). ``forward(x, (h0, c0)) -> (output,
    (h_n, c_n))``."""

    _gates = 4

    def _cell(self, x, state, w_ih, w_hh, b_ih, b_hh):
        h, c = state
        H = self.hidden_size
        gates = self._affine(x, w_ih, b_ih) + self._affine(h, w_hh, b_hh)  # (N, 4H)
        i, f = gates[:, :H].sigmoid(), gates[:, H : 2 * H].sigmoid()
        g, o = gates[:, 2 * H : 3 * H].tanh(), gates[:, 3 * H :].sigmoid()
        c = f * c + i * g
        return [o * c.tanh(), c]

    def forward(
        self, x: Tensor, hc0: tuple[Tensor, Tensor] | None = None
    ) -> tuple[Tensor, tuple[Tensor, Tensor]]:
        _, n = self._check(x)
        h0, c0 = hc0 if hc0 is not None else (None, None)
        out, (h, c) = self._run(x, [self._initial(h0, n, x.dtype), self._initial(c0, n, x.dtype)])
        return out, (stack(h), stack(c))


class GRU(_Recurrent):
    """Gated recurrent unit (``torch.nn.GRU``). ``forward(x, h0) -> (output, h_n)``."""

    _gates = 3

    def _cell(self, x, state, w_ih, w_hh, b_ih, b_hh):
        (h,) = state
        H = self.hidden_size
        gi = self._affine(x, w_ih, b_ih)  # (N, 3H): r, z, n parts from the input
        gh = self._affine(h, w_hh, b_hh)  # (N, 3H): the same from the state
        r = (gi[:, :H] + gh[:, :H]).sigmoid()
        z = (gi[:, H : 2 * H] + gh[:, H : 2 * H]).sigmoid()
        n = (gi[:, 2 * H :] + r * gh[:, 2 * H :]).tanh()
        return [(1.0 - z) * n + z * h]

    def forward(self, x: Tensor, h0: Tensor | None = None) -> tuple[Tensor, Tensor]:
        _, n = self._check(x)
        out, (h,) = self._run(x, [self._initial(h0, n, x.dtype)])
        return out, stack(h)
