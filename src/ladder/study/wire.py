"""Plain data over a pipe: what the grader and the learner's process say to each other.

The learner's code runs in a separate, contained process; the checks run in a trusted
one. Between them travel only *plain data*: JSON for the structure, raw bytes for arrays
and tensors (described by a checked dtype and shape, never pickled). Anything else the
learner's code hands back travels as a *handle*, a number that the trusted side can only
ask further questions about.

A message is one JSON header followed by its binary blobs::

    u32 header length | header (UTF-8 JSON) | u32 blob count | (u64 length | bytes) * count

Readers enforce a size limit and a deadline, so a process that floods the pipe or stops
answering cannot take the reader with it.
"""

from __future__ import annotations

import json
import math
import os
import re
import select
import struct
import sys
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = [
    "WireError",
    "WireTimeout",
    "WireClosed",
    "Codec",
    "read_message",
    "write_message",
]

MAX_MESSAGE = 256 * 1024 * 1024  # bytes a reader accepts in one message by default
MAX_HEADER = 16 * 1024 * 1024  # the JSON part; arrays travel as blobs
_MAX_DEPTH = 64
# NumPy dtypes that may cross: booleans, integers, floats, complex, fixed-width strings.
_NP_DTYPE = re.compile(r"^[<>|=]?(b1|[iu][1248]|f[248]|c(8|16)|[US]\d{1,6})$")
_TORCH_DTYPES = (
    "float64 float32 float16 bfloat16 complex64 complex128 int64 int32 int16 int8 uint8 bool"
).split()


class WireError(Exception):
    """The other side sent something that is not a well-formed message."""


class WireTimeout(WireError):
    """No complete message arrived before the deadline."""


class WireClosed(WireError):
    """The other side closed the pipe (usually: its process ended)."""


# ----------------------------------------------------------------------- framing


def write_message(fd: int, header: dict, blobs: list[bytes]) -> None:
    head = json.dumps(header, allow_nan=True, separators=(",", ":")).encode("utf-8")
    parts = [struct.pack("<I", len(head)), head, struct.pack("<I", len(blobs))]
    for blob in blobs:
        parts += [struct.pack("<Q", len(blob)), blob]
    data = b"".join(parts)
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except BrokenPipeError:
            raise WireClosed("the other side closed the channel") from None
        view = view[n:]


class _Reader:
    def __init__(
        self,
        fd: int,
        deadline: float | None,
        limit: int,
        spent: Callable[[], bool] | None = None,
    ) -> None:
        self.fd, self.deadline, self.limit, self.total = fd, deadline, limit, 0
        self.spent = spent

    def read(self, n: int) -> bytes:
        self.total += n
        if self.total > self.limit:
            raise WireError(f"a message of more than {self.limit // (1024 * 1024)} MiB")
        chunks, need = [], n
        while need:
            if self.deadline is not None or self.spent is not None:
                left = 3600.0 if self.deadline is None else self.deadline - time.monotonic()
                if left <= 0:
                    raise WireTimeout("no answer before the deadline")
                wait = min(left, 0.05) if self.spent is not None else left
                ready, _, _ = select.select([self.fd], [], [], wait)
                if not ready:
                    if self.spent is not None and self.spent():
                        raise WireTimeout("the other side used up its time")
                    if wait == left:
                        raise WireTimeout("no answer before the deadline")
                    continue
            try:
                chunk = os.read(self.fd, min(need, 1 << 20))
            except (BlockingIOError, InterruptedError):
                continue
            if not chunk:
                raise WireClosed("the other side closed the channel")
            chunks.append(chunk)
            need -= len(chunk)
        return b"".join(chunks)


def read_message(
    fd: int,
    *,
    deadline: float | None = None,
    limit: int = MAX_MESSAGE,
    spent: Callable[[], bool] | None = None,
) -> tuple[dict, list[bytes]]:
    """One message from ``fd``; raises :class:`WireTimeout` at ``deadline`` (monotonic)
    or, checked every 50 ms while waiting, as soon as ``spent()`` says so."""
    r = _Reader(fd, deadline, limit, spent)
    (size,) = struct.unpack("<I", r.read(4))
    if size > MAX_HEADER:
        raise WireError("a message header that is too large: not a message of the grader's")
    try:
        header = json.loads(r.read(size).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WireError(f"a header that is not JSON ({exc})") from None
    if not isinstance(header, dict):
        raise WireError("a header that is not a JSON object")
    (count,) = struct.unpack("<I", r.read(4))
    if count > 1_000_000:
        raise WireError("too many blobs")
    blobs = []
    for _ in range(count):
        (n,) = struct.unpack("<Q", r.read(8))
        blobs.append(r.read(n))
    return header, blobs


# ----------------------------------------------------------------------- values


_BIT_GENERATORS = {"PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"}


def _by_value_type(cls: type) -> bool:
    """Instances of this class may cross by value: a plain ``__dict__`` of data, not a
    torch module (whose state lives in registered buffers and hooks)."""
    if "__slots__" in vars(cls) or not getattr(cls, "__dictoffset__", 0):
        return False
    mod = cls.__module__ or ""
    return not (mod.startswith("torch") or mod == "builtins" or mod.startswith("numpy"))


def _by_value(v: Any) -> bool:
    t = type(v)
    if isinstance(v, type) or callable(v) or not getattr(t, "__dictoffset__", 0):
        return False
    torch = sys.modules.get("torch")  # an nn.Module exists only once torch is imported
    if torch is not None and isinstance(v, torch.nn.Module):
        return False
    return _by_value_type(t)


def _torch():
    import torch

    return torch


def _ladder_tensor_type():
    from ladder.autograd.tensor import Tensor

    return Tensor


class Codec:
    """Turns values into JSON-able trees plus blobs, and back.

    ``to_handle(obj) -> int`` is called for anything that is not plain data (``None``:
    refuse it); ``from_handle(tag) -> obj`` rebuilds what a handle stands for on the
    receiving side. ``functions`` maps module-level functions that may be sent by name
    (the check module's drivers) to their names and back.
    """

    def __init__(
        self,
        *,
        to_handle: Callable[[Any], dict | None] | None = None,
        from_handle: Callable[[dict], Any] | None = None,
        name_of_function: Callable[[Any], str | None] | None = None,
        function_named: Callable[[str], Any] | None = None,
    ) -> None:
        self.to_handle = to_handle
        self.from_handle = from_handle
        self.name_of_function = name_of_function
        self.function_named = function_named

    # -- encoding -------------------------------------------------------------------

    def encode(self, value: Any, blobs: list[bytes]) -> Any:
        return self._enc(value, blobs, 0, {})

    def _blob(self, blobs: list[bytes], data: bytes) -> int:
        blobs.append(data)
        return len(blobs) - 1

    def _enc(self, v: Any, blobs: list[bytes], depth: int, seen: dict[int, int]) -> Any:
        if depth > _MAX_DEPTH:
            raise WireError("a value nested more than 64 levels deep")
        t = type(v)
        if v is None or t is bool or t is str:
            return v
        if t is int:
            return v if -(2**63) <= v < 2**63 else {"$": "bigint", "v": str(v)}
        if t is float:
            if math.isfinite(v):
                return v
            return {"$": "float", "v": repr(v)}
        if t is list:
            if id(v) in seen:
                raise WireError("a list that contains itself")
            seen[id(v)] = 1
            try:
                return [self._enc(x, blobs, depth + 1, seen) for x in v]
            finally:
                del seen[id(v)]
        if t is tuple:
            return {"$": "tuple", "v": [self._enc(x, blobs, depth + 1, seen) for x in v]}
        if t in (dict, OrderedDict, Counter, defaultdict):
            if id(v) in seen:
                raise WireError("a dict that contains itself")
            seen[id(v)] = 1
            try:
                items = [
                    [self._enc(k, blobs, depth + 1, seen), self._enc(x, blobs, depth + 1, seen)]
                    for k, x in v.items()
                ]
            finally:
                del seen[id(v)]
            kind = {dict: "dict", OrderedDict: "odict", Counter: "counter"}.get(t, "dict")
            return {"$": kind, "v": items}
        if t in (set, frozenset):
            items = [self._enc(x, blobs, depth + 1, seen) for x in v]
            return {"$": "set" if t is set else "frozenset", "v": items}
        if t is complex:
            return {"$": "complex", "v": [repr(v.real), repr(v.imag)]}
        if t is bytes:
            return {"$": "bytes", "b": self._blob(blobs, v)}
        if t is slice:
            return {
                "$": "slice",
                "v": [self._enc(x, blobs, depth + 1, seen) for x in (v.start, v.stop, v.step)],
            }
        if t is range:
            return {"$": "range", "v": [v.start, v.stop, v.step]}
        if v is Ellipsis:
            return {"$": "ellipsis"}
        if t is np.ndarray:
            if v.dtype.kind == "O":
                return {
                    "$": "objarray",
                    "shape": list(v.shape),
                    "v": [self._enc(x, blobs, depth + 1, seen) for x in v.ravel().tolist()],
                }
            if not _NP_DTYPE.match(v.dtype.str):
                return self._other(v)
            return {
                "$": "nd",
                "dtype": v.dtype.str,
                "shape": list(v.shape),
                "b": self._blob(blobs, np.ascontiguousarray(v).tobytes()),
            }
        if isinstance(v, np.generic) and type(v).__module__ == "numpy":
            arr = np.asarray(v)
            if arr.dtype.kind != "O" and _NP_DTYPE.match(arr.dtype.str):
                return {
                    "$": "npscalar",
                    "dtype": arr.dtype.str,
                    "b": self._blob(blobs, arr.tobytes()),
                }
        module = t.__module__
        if module.startswith("torch"):
            enc = self._enc_torch(v, blobs, depth, seen)
            if enc is not None:
                return enc
        if module == "ladder.autograd.tensor" and t is _ladder_tensor_type():
            return {
                "$": "ltensor",
                "data": self._enc(np.asarray(v.data), blobs, depth + 1, seen),
                "grad": None
                if v.grad is None
                else self._enc(np.asarray(v.grad), blobs, depth + 1, seen),
                "rg": bool(v.requires_grad),
            }
        if t is np.random.Generator:
            bg = v.bit_generator
            if type(bg).__name__ in _BIT_GENERATORS:
                return {"$": "rng", "v": self._enc(bg.state, blobs, depth + 1, seen)}
        if module.startswith("torch") and t.__name__ == "Generator":
            return {"$": "trng", "v": self._enc(v.get_state(), blobs, depth + 1, seen)}
        if callable(v) and self.name_of_function is not None:
            name = self.name_of_function(v)
            if name is not None:
                return {"$": "fn", "name": name}
        if self.name_of_function is not None and _by_value(v):
            name = self.name_of_function(t)
            if name is not None:
                if id(v) in seen:
                    raise WireError("an object that contains itself")
                seen[id(v)] = 1
                try:
                    state = self._enc(dict(vars(v)), blobs, depth + 1, seen)
                finally:
                    del seen[id(v)]
                return {"$": "obj", "cls": name, "state": state}
        return self._other(v)

    def _enc_torch(self, v: Any, blobs: list[bytes], depth: int, seen: dict) -> Any:
        torch = _torch()
        t = type(v)
        if t is torch.Tensor or t is torch.nn.Parameter:
            d = v.detach().cpu().contiguous()
            name = str(d.dtype).removeprefix("torch.")
            if name not in _TORCH_DTYPES:
                return None
            raw = d.reshape(-1).view(torch.uint8).numpy().tobytes() if d.numel() else b""
            out = {
                "$": "param" if t is torch.nn.Parameter else "torch",
                "dtype": name,
                "shape": list(d.shape),
                "b": self._blob(blobs, raw),
                "rg": bool(v.requires_grad and v.is_leaf),
            }
            if v.is_leaf and v.grad is not None:
                out["grad"] = self._enc(v.grad, blobs, depth + 1, seen)
            return out
        if t is torch.Size:
            return {"$": "size", "v": list(v)}
        if t is torch.dtype:
            return {"$": "tdtype", "v": str(v).removeprefix("torch.")}
        if t is torch.device:
            return {"$": "device", "v": str(v)}
        return None

    def _other(self, v: Any) -> Any:
        tag = self.to_handle(v) if self.to_handle is not None else None
        if tag is None:
            raise WireError(f"a {type(v).__name__} cannot be sent as plain data")
        return tag

    # -- decoding -------------------------------------------------------------------

    def decode(self, tree: Any, blobs: list[bytes]) -> Any:
        return self._dec(tree, blobs, 0)

    def _get_blob(self, blobs: list[bytes], i: Any) -> bytes:
        if type(i) is not int or not 0 <= i < len(blobs):
            raise WireError("a reference to a missing blob")
        return blobs[i]

    def _dec(self, x: Any, blobs: list[bytes], depth: int) -> Any:
        if depth > _MAX_DEPTH + 2:
            raise WireError("a value nested too deeply")
        if x is None or isinstance(x, (bool, int, float, str)):
            return x
        if isinstance(x, list):
            return [self._dec(y, blobs, depth + 1) for y in x]
        if not isinstance(x, dict) or "$" not in x:
            raise WireError("a malformed value")
        kind = x["$"]
        d = depth + 1
        if kind == "tuple":
            return tuple(self._dec(y, blobs, d) for y in x["v"])
        if kind in ("dict", "odict", "counter"):
            cls = {"dict": dict, "odict": OrderedDict, "counter": Counter}[kind]
            out = cls()
            for k, y in x["v"]:
                key = self._dec(k, blobs, d)
                try:
                    out[key] = self._dec(y, blobs, d)
                except TypeError:
                    raise WireError("a dict key that cannot be hashed") from None
            return out
        if kind in ("set", "frozenset"):
            items = [self._dec(y, blobs, d) for y in x["v"]]
            try:
                return set(items) if kind == "set" else frozenset(items)
            except TypeError:
                raise WireError("a set item that cannot be hashed") from None
        if kind == "bigint":
            return int(x["v"])
        if kind == "float":
            return float(x["v"])
        if kind == "complex":
            return complex(float(x["v"][0]), float(x["v"][1]))
        if kind == "bytes":
            return self._get_blob(blobs, x["b"])
        if kind == "slice":
            return slice(*(self._dec(y, blobs, d) for y in x["v"]))
        if kind == "range":
            return range(*(int(y) for y in x["v"]))
        if kind == "ellipsis":
            return Ellipsis
        if kind in ("nd", "npscalar"):
            dtype = str(x["dtype"])
            if not _NP_DTYPE.match(dtype):
                raise WireError(f"the array type {dtype!r} may not cross")
            dt = np.dtype(dtype)
            raw = self._get_blob(blobs, x["b"])
            if kind == "npscalar":
                if len(raw) != dt.itemsize:
                    raise WireError("a scalar of the wrong size")
                return np.frombuffer(raw, dtype=dt)[0]
            shape = tuple(int(s) for s in x["shape"])
            if any(s < 0 for s in shape) or len(raw) != math.prod(shape) * dt.itemsize:
                raise WireError("an array whose bytes do not match its shape")
            return np.frombuffer(raw, dtype=dt).reshape(shape).copy()
        if kind == "objarray":
            shape = tuple(int(s) for s in x["shape"])
            items = [self._dec(y, blobs, d) for y in x["v"]]
            if math.prod(shape) != len(items):
                raise WireError("an object array whose items do not match its shape")
            arr = np.empty(len(items), dtype=object)
            arr[:] = items
            return arr.reshape(shape)
        if kind in ("torch", "param"):
            return self._dec_torch(x, blobs, d)
        if kind == "size":
            return _torch().Size([int(s) for s in x["v"]])
        if kind == "tdtype":
            if x["v"] not in _TORCH_DTYPES:
                raise WireError("an unknown torch dtype")
            return getattr(_torch(), x["v"])
        if kind == "device":
            return _torch().device(str(x["v"]))
        if kind == "ltensor":
            Tensor = _ladder_tensor_type()
            data = self._dec(x["data"], blobs, d)
            if not isinstance(data, np.ndarray):
                raise WireError("a ladder tensor without an array")
            t = Tensor(data)
            t.requires_grad = bool(x["rg"]) and np.issubdtype(data.dtype, np.floating)
            t.grad = None if x["grad"] is None else np.asarray(self._dec(x["grad"], blobs, d))
            return t
        if kind == "fn":
            if self.function_named is None:
                raise WireError("a function where none may be sent")
            return self.function_named(str(x["name"]))
        if kind == "rng":
            state = self._dec(x["v"], blobs, d)
            name = state.get("bit_generator") if isinstance(state, dict) else None
            if name not in _BIT_GENERATORS:
                raise WireError("an unknown random generator")
            bg = getattr(np.random, name)()
            try:
                bg.state = state
            except (TypeError, ValueError, KeyError):
                raise WireError("a random generator with a malformed state") from None
            return np.random.Generator(bg)
        if kind == "trng":
            state = self._dec(x["v"], blobs, d)
            torch = _torch()
            if not isinstance(state, torch.Tensor) or state.dtype != torch.uint8:
                raise WireError("a torch generator with a malformed state")
            g = torch.Generator()
            try:
                g.set_state(state)
            except RuntimeError:
                raise WireError("a torch generator with a malformed state") from None
            return g
        if kind == "obj":
            if self.function_named is None:
                raise WireError("an object where none may be sent")
            cls = self.function_named(str(x["cls"]))
            state = self._dec(x["state"], blobs, d)
            if not isinstance(cls, type) or not isinstance(state, dict) or not _by_value_type(cls):
                raise WireError("a malformed object")
            obj = cls.__new__(cls)
            vars(obj).update(state)
            return obj
        if self.from_handle is not None:
            return self.from_handle(x)
        raise WireError(f"an unknown kind of value {kind!r}")

    def _dec_torch(self, x: dict, blobs: list[bytes], depth: int) -> Any:
        torch = _torch()
        name = x["dtype"]
        if name not in _TORCH_DTYPES:
            raise WireError(f"the tensor type {name!r} may not cross")
        dt = getattr(torch, name)
        shape = [int(s) for s in x["shape"]]
        raw = self._get_blob(blobs, x["b"])
        n = math.prod(shape)
        size = torch.empty((), dtype=dt).element_size()
        if any(s < 0 for s in shape) or len(raw) != n * size:
            raise WireError("a tensor whose bytes do not match its shape")
        t = (
            torch.frombuffer(bytearray(raw), dtype=dt).reshape(shape)
            if n
            else torch.empty(shape, dtype=dt)
        )
        rg = bool(x.get("rg")) and (t.is_floating_point() or t.is_complex())
        if x["$"] == "param":
            t = torch.nn.Parameter(t, requires_grad=rg)
        elif rg:
            t.requires_grad_(True)
        if "grad" in x and t.is_leaf:
            grad = self._dec(x["grad"], blobs, depth)
            if isinstance(grad, torch.Tensor) and grad.shape == t.shape:
                t.grad = grad.to(t.dtype)
        return t


# ------------------------------------------------------------------ write-back


def write_back(original: Any, new: Any) -> bool:
    """Make ``original`` (a mutable argument) equal ``new`` (its copy after the call)
    in place, keeping the identity of nested arrays and tensors. True if it could."""
    t = type(original)
    if t is np.ndarray and isinstance(new, np.ndarray):
        if original.shape == new.shape and original.flags.writeable:
            original[...] = new.astype(original.dtype, copy=False)
            return True
        return False
    if t is list and isinstance(new, list):
        if len(original) == len(new):
            for i, (a, b) in enumerate(zip(original, new, strict=True)):
                if not _mutable(a) or not write_back(a, b):
                    original[i] = b
        else:
            original[:] = new
        return True
    if t in (dict, OrderedDict, Counter, defaultdict) and isinstance(new, dict):
        for k in [k for k in original if k not in new]:
            del original[k]
        for k, b in new.items():
            a = original.get(k)
            if k not in original or not _mutable(a) or not write_back(a, b):
                original[k] = b
        return True
    if t is set and isinstance(new, set):
        original.clear()
        original.update(new)
        return True
    if t is np.random.Generator and isinstance(new, np.random.Generator):
        original.bit_generator.state = new.bit_generator.state
        return True
    if t.__module__.startswith("torch") and t.__name__ == "Generator" and type(new) is t:
        original.set_state(new.get_state())
        return True
    if type(new) is t and _by_value(original):
        state, now = vars(original), vars(new)
        for k in [k for k in state if k not in now]:
            del state[k]
        for k, b in now.items():
            a = state.get(k)
            if k not in state or not _mutable(a) or not write_back(a, b):
                state[k] = b
        return True
    if t.__module__ == "ladder.autograd.tensor" and type(new) is t:
        original.data, original.grad = new.data, new.grad
        return True
    if t.__module__.startswith("torch"):
        torch = _torch()
        if isinstance(original, torch.Tensor) and isinstance(new, torch.Tensor):
            if original.shape != new.shape:
                return False
            with torch.no_grad():
                original.copy_(new.to(original.dtype))
            if original.is_leaf and (new.grad is not None or original.grad is not None):
                original.grad = None if new.grad is None else new.grad.to(original.dtype)
            return True
    return False


def _mutable(v: Any) -> bool:
    t = type(v)
    if t in (np.ndarray, list, dict, set, OrderedDict, Counter, defaultdict, np.random.Generator):
        return True
    if t.__module__ == "ladder.autograd.tensor" or (
        t.__module__.startswith("torch") and t.__name__ in ("Tensor", "Parameter", "Generator")
    ):
        return True
    return _by_value(v)


def is_random_generator(v: Any) -> bool:
    """A NumPy or torch random generator: drawing from it changes it, as expected."""
    t = type(v)
    return t is np.random.Generator or (
        t.__module__.startswith("torch") and t.__name__ == "Generator"
    )


def is_mutable(v: Any) -> bool:
    """Whether ``v`` is data that a call could change in place."""
    return _mutable(v)
