"""``Module`` and ``Parameter``: the bookkeeping that turns tensor code into layers.

A :class:`Module` finds its learnable :class:`Parameter`\\ s, buffers (state that is saved
but not trained, like BatchNorm's running mean) and sub-modules by watching attribute
assignment, exactly as ``torch.nn.Module`` does. From that one registry come
``parameters()``, ``zero_grad()``, ``train()``/``eval()`` and ``state_dict()``.

State dicts use PyTorch's dotted names (``"0.weight"``, ``"conv1.bias"``,
``"running_mean"``), so ``model.load_state_dict({k: v.numpy() for k, v in
torch_model.state_dict().items()})`` copies a ``torch.nn`` model's weights — the parity
tests do exactly this. :meth:`Module.save`/:meth:`Module.load` store them as ``.npz``
with a format version.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ladder.autograd.tensor import Tensor

__all__ = ["Parameter", "Module", "Sequential", "StateDictError", "FORMAT_VERSION"]

FORMAT_VERSION = 1
_VERSION_KEY = "__ladder_format_version__"


class Parameter(Tensor):
    """A tensor that a :class:`Module` trains: ``requires_grad`` is always on."""

    __slots__ = ()

    def __init__(self, data: ArrayLike, dtype: Any = None) -> None:
        super().__init__(data, requires_grad=True, dtype=dtype)

    def __repr__(self) -> str:
        return f"Parameter(shape={self.shape}, dtype={self.dtype})"


class StateDictError(KeyError):
    """Raised by ``load_state_dict`` with *every* missing, unexpected and mis-shaped key."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class Module:
    """Base class of every layer and model (``torch.nn.Module``)."""

    def __init__(self) -> None:
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_buffers", {})
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "training", True)

    def __setattr__(self, name: str, value: Any) -> None:
        if "_parameters" not in self.__dict__:
            raise RuntimeError(
                f"cannot assign {name!r} before Module.__init__() ran. Call "
                "super().__init__() first in your module's __init__."
            )
        for registry in (self._parameters, self._buffers, self._modules):
            registry.pop(name, None)
        if isinstance(value, Parameter):
            self._parameters[name] = value
        elif isinstance(value, Module):
            self._modules[name] = value
        object.__setattr__(self, name, value)

    def register_buffer(self, name: str, value: np.ndarray) -> None:
        """Keep ``value`` in the state dict without training it (``register_buffer``)."""
        object.__setattr__(self, name, value)
        self._buffers[name] = name

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define forward().")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.forward(*args, **kwargs)

    # ------------------------------------------------------------------ traversal
    def named_modules(self, prefix: str = "") -> Iterator[tuple[str, Module]]:
        yield prefix, self
        for name, child in self._modules.items():
            yield from child.named_modules(f"{prefix}.{name}" if prefix else name)

    def children(self) -> Iterator[Module]:
        return iter(self._modules.values())

    def named_parameters(self) -> Iterator[tuple[str, Parameter]]:
        """``(dotted_name, parameter)`` for every parameter, each once, in registration order."""
        seen: set[int] = set()
        for prefix, module in self.named_modules():
            for name, p in module._parameters.items():
                if id(p) not in seen:
                    seen.add(id(p))
                    yield (f"{prefix}.{name}" if prefix else name), p

    def parameters(self) -> list[Parameter]:
        return [p for _, p in self.named_parameters()]

    def zero_grad(self) -> None:
        """Forget accumulated gradients (sets them to None, as PyTorch does by default)."""
        for p in self.parameters():
            p.grad = None

    def train(self, mode: bool = True) -> Module:
        """Training mode: dropout drops, batch norm uses batch statistics."""
        for _, m in self.named_modules():
            object.__setattr__(m, "training", mode)
        return self

    def eval(self) -> Module:
        """Evaluation mode (``train(False)``)."""
        return self.train(False)

    def num_parameters(self) -> int:
        return sum(p.size for p in self.parameters())

    # ------------------------------------------------------------------ state
    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of all parameters and buffers under their dotted names."""
        state: dict[str, np.ndarray] = {}
        for prefix, module in self.named_modules():
            dot = f"{prefix}." if prefix else ""
            for name, p in module._parameters.items():
                state[dot + name] = p.data.copy()
            for name in module._buffers:
                state[dot + name] = np.array(getattr(module, name), copy=True)
        return state

    def load_state_dict(self, state: dict[str, ArrayLike], strict: bool = True) -> None:
        """Copy ``state`` into this module's parameters and buffers, in place.

        Checks everything before changing anything: with ``strict`` a missing or
        unexpected key is an error, and a shape mismatch always is; the error lists
        *all* problems at once.
        """
        own = self.state_dict()
        missing = [k for k in own if k not in state]
        unexpected = [k for k in state if k not in own]
        shapes = [
            f"{k}: expected {own[k].shape}, got {np.shape(state[k])}"
            for k in own
            if k in state and np.shape(state[k]) != own[k].shape
        ]
        if shapes or (strict and (missing or unexpected)):
            lines = []
            if missing:
                lines.append(f"missing keys ({len(missing)}): {', '.join(missing)}")
            if unexpected:
                lines.append(f"unexpected keys ({len(unexpected)}): {', '.join(unexpected)}")
            if shapes:
                lines.append(f"shape mismatches ({len(shapes)}): {'; '.join(shapes)}")
            raise StateDictError(
                f"cannot load state dict into {type(self).__name__}:\n  "
                + "\n  ".join(lines)
                + "\nCheck that the model was built with the same configuration as the "
                "saved one, or pass strict=False to skip missing and unexpected keys."
            )
        for prefix, module in self.named_modules():
            dot = f"{prefix}." if prefix else ""
            for name, p in module._parameters.items():
                if dot + name in state:
                    p.data[...] = np.asarray(state[dot + name], dtype=p.dtype)
            for name in module._buffers:
                if dot + name in state:
                    old = getattr(module, name)
                    new = np.asarray(state[dot + name], dtype=np.asarray(old).dtype)
                    object.__setattr__(module, name, new.copy())

    def save(self, path: str | Path) -> None:
        """Write the state dict to ``path`` as ``.npz`` (with a format version)."""
        arrays = self.state_dict()
        arrays[_VERSION_KEY] = np.array(FORMAT_VERSION)
        np.savez(Path(path), **arrays)

    def load(self, path: str | Path, strict: bool = True) -> Module:
        """Read a ``.npz`` written by :meth:`save` into this module."""
        with np.load(Path(path)) as f:
            state = {k: f[k] for k in f.files}
        version = int(state.pop(_VERSION_KEY, -1))
        if version != FORMAT_VERSION:
            raise ValueError(
                f"{path}: format version {version}, expected {FORMAT_VERSION}. Re-save the "
                "model with this version of ladder."
            )
        self.load_state_dict(state, strict=strict)
        return self

    def extra_repr(self) -> str:
        return ""

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__}({self.extra_repr()}"]
        for name, child in self._modules.items():
            lines.append("  " + f"({name}): {child!r}".replace("\n", "\n  "))
        return "\n".join(lines) + ")" if len(lines) > 1 else lines[0] + ")"


class Sequential(Module):
    """Modules applied in order; children are named ``"0"``, ``"1"``, … (``nn.Sequential``)."""

    def __init__(self, *modules: Module) -> None:
        super().__init__()
        for i, m in enumerate(modules):
            if not isinstance(m, Module):
                raise TypeError(
                    f"Sequential item {i} is a {type(m).__name__}, not a Module. Wrap "
                    "functions in a Module subclass."
                )
            setattr(self, str(i), m)

    def __getitem__(self, i: int) -> Module:
        return list(self._modules.values())[i]

    def __len__(self) -> int:
        return len(self._modules)

    def forward(self, x: Any) -> Any:
        for m in self._modules.values():
            x = m(x)
        return x
