"""Calls across the trust boundary: an endpoint on each side, and the trusted side's view
of the learner's objects.

Both processes hold an :class:`Endpoint` on the two pipes between them. A request is
``{"op", "id", "p"}`` and its reply ``{"re", "ok", "p"}``; while a side waits for its reply
it answers the other side's requests (a learner function may call back a function the
check passed in), so the conversation nests like ordinary calls.

On the trusted side the learner's objects are :class:`Remote` proxies: calling one, reading
an attribute, using an operator or iterating sends a request and brings back plain data
(or another proxy). Nothing the learner's process sends is ever executed here.
"""

from __future__ import annotations

import builtins
import itertools
from collections.abc import Callable
from typing import Any

from ladder.study.wire import (
    Codec,
    WireError,
    is_random_generator,
    read_message,
    write_back,
    write_message,
)

__all__ = [
    "Endpoint",
    "Remote",
    "RemoteError",
    "LearnerExit",
    "CalledTheAnswer",
    "ChangedInput",
    "TrustedSide",
]


class RemoteError(Exception):
    """The other side raised; ``info`` describes the exception (plain data)."""

    def __init__(self, info: dict) -> None:
        super().__init__(info.get("message", ""))
        self.info = info

    def __reduce__(self):  # picklable (dev check grades in worker processes)
        return (type(self), (self.info,))


class LearnerExit(BaseException):
    """The learner's code called ``sys.exit`` (or raised ``KeyboardInterrupt``).

    A BaseException, so that a check's ``except Exception`` does not swallow it."""

    def __init__(self, info: dict) -> None:
        super().__init__(info.get("message", ""))
        self.info = info

    def __reduce__(self):
        return (type(self), (self.info,))


class CalledTheAnswer(BaseException):
    """The learner's code called the function the exercise asks them to write."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


class ChangedInput(BaseException):
    """The learner's code changed an argument in place where it should not."""

    def __init__(self, where: str, call: str) -> None:
        super().__init__(where)
        self.where, self.call = where, call


class Endpoint:
    def __init__(
        self,
        rfd: int,
        wfd: int,
        codec: Codec,
        handler: Callable[[str, Any], Any] | None = None,
        *,
        deadline: float | None = None,
        limit: int | None = None,
        describe: Callable[[BaseException], dict] | None = None,
    ) -> None:
        self.rfd, self.wfd, self.codec, self.handler = rfd, wfd, codec, handler
        self.describe = describe or describe_exception
        self.deadline = deadline
        self.limit = limit
        self.spent: Callable[[], bool] | None = None  # a budget checked while waiting
        self._ids = itertools.count(1)

    def send(self, header: dict, payload: Any) -> None:
        blobs: list[bytes] = []
        header["p"] = self.codec.encode(payload, blobs)
        write_message(self.wfd, header, blobs)

    def _read(self) -> tuple[dict, list[bytes]]:
        kw: dict[str, Any] = {"deadline": self.deadline, "spent": self.spent}
        if self.limit is not None:
            kw["limit"] = self.limit
        return read_message(self.rfd, **kw)

    def call(self, op: str, payload: Any) -> Any:
        """Send a request and wait for its reply, answering nested requests meanwhile."""
        my_id = next(self._ids)
        self.send({"op": op, "id": my_id}, payload)
        while True:
            header, blobs = self._read()
            if "op" in header:
                self.answer(header, blobs)
                continue
            if header.get("re") != my_id:
                raise WireError("an answer to a question that was not asked")
            value = self.codec.decode(header.get("p"), blobs)
            if header.get("ok"):
                return value
            if not isinstance(value, dict):
                raise WireError("a malformed error")
            raise RemoteError(value)

    def answer(self, header: dict, blobs: list[bytes]) -> None:
        """Handle one request from the other side and send the reply."""
        rid = header.get("id")
        try:
            if self.handler is None:
                raise WireError("this side answers no requests")
            payload = self.codec.decode(header.get("p"), blobs)
            result = self.handler(str(header.get("op")), payload)
            ok = True
        except WireError:
            raise
        except BaseException as exc:  # noqa: BLE001 - sent to the other side
            result, ok = self.describe(exc), False
        try:
            self.send({"re": rid, "ok": ok}, result)
        except WireError as exc:
            if not ok:
                raise
            self.send({"re": rid, "ok": False}, describe_exception(exc))

    def serve(self) -> None:
        """Answer requests until the other side says ``bye`` or goes away."""
        while True:
            header, blobs = self._read()
            if header.get("op") == "bye":
                return
            if "op" not in header:
                raise WireError("an answer where a question was expected")
            self.answer(header, blobs)


def describe_exception(exc: BaseException, learner_file: str | None = None) -> dict:
    """An exception as plain data: its class names (most derived first), message and
    the learner's own frames."""
    import traceback

    info = {
        "types": [c.__name__ for c in type(exc).__mro__],
        "module": type(exc).__module__,
        "message": str(exc)[:4000],
        "trace": "",
    }
    if isinstance(exc, SystemExit):
        info["exit_code"] = repr(exc.code)
    if learner_file:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == learner_file]
        lines = traceback.format_list(frames) if frames else []
        lines += traceback.format_exception_only(type(exc), exc)
        info["trace"] = "".join(lines).rstrip()[:8000]
    return info


# ------------------------------------------------------------------ trusted side


_BUILTIN_EXCEPTIONS = {
    name: obj
    for name, obj in vars(builtins).items()
    if isinstance(obj, type) and issubclass(obj, BaseException)
}


def rebuild_exception(info: dict) -> BaseException:
    """The nearest built-in exception for what the learner's code raised, carrying its
    description in ``ladder_info`` (so ``expect_raises(ValueError, …)`` works)."""
    types = [t for t in info.get("types", []) if isinstance(t, str)]
    if "SystemExit" in types or "KeyboardInterrupt" in types:
        return LearnerExit(info)
    for name in types:
        cls = _BUILTIN_EXCEPTIONS.get(name)
        if cls is not None and cls not in (
            BaseException,
            SystemExit,
            KeyboardInterrupt,
            GeneratorExit,
        ):
            try:
                exc = cls(info.get("message", ""))
            except Exception:  # noqa: BLE001 - some need more arguments
                exc = RuntimeError(info.get("message", ""))
            exc.ladder_info = info  # type: ignore[attr-defined]
            return exc
    exc = RuntimeError(info.get("message", ""))
    exc.ladder_info = info  # type: ignore[attr-defined]
    return exc


class TrustedSide:
    """The trusted process's end of one grading conversation."""

    def __init__(
        self,
        rfd: int,
        wfd: int,
        *,
        deadline: float,
        limit: int,
        check_module: Any = None,
        in_place: bool = True,
    ) -> None:
        self.check_module = check_module
        self.in_place = in_place
        self._callbacks: dict[int, Callable[..., Any]] = {}
        self._next_cb = itertools.count(1)
        self.codec = Codec(
            to_handle=self._to_handle,
            from_handle=self._from_handle,
            name_of_function=self._name_of_function,
            function_named=self._function_named,
        )
        self.endpoint = Endpoint(rfd, wfd, self.codec, self._handle, deadline=deadline, limit=limit)
        self.tripped: list[str] = []

    # codec hooks
    def _to_handle(self, obj: Any) -> dict | None:
        if isinstance(obj, Remote):
            return {"$": "ref", "id": object.__getattribute__(obj, "_id")}
        if callable(obj):
            n = next(self._next_cb)
            self._callbacks[n] = obj
            return {"$": "cb", "id": n}
        return None

    def _from_handle(self, tag: dict) -> Any:
        if tag.get("$") != "h" or not isinstance(tag.get("id"), int):
            raise WireError("an unknown kind of value")
        return Remote(self, tag["id"], str(tag.get("type", "object")), bool(tag.get("callable")))

    def _name_of_function(self, fn: Any) -> str | None:
        if isinstance(fn, Remote):
            return None
        mod = self.check_module
        name = getattr(fn, "__name__", None)
        if mod is not None and name and getattr(mod, name, None) is fn:
            return "check:" + name
        module, qual = getattr(fn, "__module__", None), getattr(fn, "__qualname__", None)
        if (
            isinstance(module, str)
            and isinstance(qual, str)
            and "<" not in qual
            and module.split(".")[0] in _IMPORTABLE
        ):
            return f"import:{module}:{qual}"
        return None

    def _function_named(self, name: str) -> Any:
        """What the learner's process names: a class or function of the check module or
        of the library (only these; nothing is imported from elsewhere)."""
        import importlib

        kind, _, rest = name.partition(":")
        if kind == "check" and self.check_module is not None:
            obj = getattr(self.check_module, rest, None)
            if obj is not None:
                return obj
        if kind == "import":
            module, _, qual = rest.partition(":")
            if module.split(".")[0] == "ladder":
                obj: Any = importlib.import_module(module)
                for part in qual.split("."):
                    obj = getattr(obj, part)
                return obj
        raise WireError(f"an unknown name {name!r}")

    def _handle(self, op: str, payload: Any) -> Any:
        if op != "callback":
            raise WireError(f"the learner's process may not ask for {op!r}")
        fn = self._callbacks.get(payload.get("id"))
        if fn is None:
            raise WireError("a callback that was never sent")
        return fn(*payload.get("args", ()), **payload.get("kwargs", {}))

    # requests
    def apply(self, fn: str, *args: Any, track: bool = False, **kwargs: Any) -> Any:
        try:
            reply = self.endpoint.call(
                "apply", {"fn": fn, "args": list(args), "kwargs": kwargs, "track": track}
            )
        except RemoteError as exc:
            tripped = exc.info.get("tripped") or []
            if tripped:
                raise CalledTheAnswer(tripped) from None
            raise rebuild_exception(exc.info) from None
        if reply.get("tripped"):
            raise CalledTheAnswer(reply["tripped"])
        changed = reply.get("changed") or []
        mutated = []
        for key, new in changed:
            original = args[key] if isinstance(key, int) else kwargs.get(key)
            write_back(original, new)
            if not is_random_generator(original):
                mutated.append(key)
        if mutated and not self.in_place:
            first = mutated[0]
            raise ChangedInput(first if isinstance(first, str) else f"argument {first}", fn)
        return reply.get("value")

    def drive(self, target: Remote, driver: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self._name_of_function(driver) is None or not self._name_of_function(driver).startswith(
            "check:"
        ):
            raise TypeError("drive() needs a module-level function of the check module")
        return self.apply("drive", driver, target, *args, **kwargs)


_IMPORTABLE = {
    "numpy",
    "math",
    "torch",
    "ladder",
    "scipy",
    "operator",
    "builtins",
    "functools",
    "statistics",
    "itertools",
    "collections",
    "cmath",
}


def _binary(name: str, reflected: bool = False) -> Callable[..., Any]:
    def op(self: Remote, other: Any) -> Any:
        side = object.__getattribute__(self, "_side")
        left, right = (other, self) if reflected else (self, other)
        return side.apply(name, left, right)

    op.__name__ = f"__{'r' if reflected else ''}{name.strip('_')}__"
    return op


def _unary(name: str) -> Callable[..., Any]:
    def op(self: Remote) -> Any:
        return object.__getattribute__(self, "_side").apply(name, self)

    return op


class Remote:
    """The trusted side's stand-in for an object living in the learner's process."""

    __slots__ = ("_side", "_id", "_type", "_callable", "__weakref__")

    def __init__(self, side: TrustedSide, ident: int, type_name: str, is_callable: bool) -> None:
        object.__setattr__(self, "_side", side)
        object.__setattr__(self, "_id", ident)
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_callable", is_callable)

    @staticmethod
    def _ladder_drive_(target: Remote, driver: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        return object.__getattribute__(target, "_side").drive(target, driver, *args, **kw)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return object.__getattribute__(self, "_side").apply(
            "call", self, *args, track=True, **kwargs
        )

    def __getattr__(self, name: str) -> Any:
        return object.__getattribute__(self, "_side").apply("getattr", self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        object.__getattribute__(self, "_side").apply("setattr", self, name, value)

    def __delattr__(self, name: str) -> None:
        object.__getattribute__(self, "_side").apply("delattr", self, name)

    def __getitem__(self, key: Any) -> Any:
        return object.__getattribute__(self, "_side").apply("getitem", self, key)

    def __setitem__(self, key: Any, value: Any) -> None:
        object.__getattribute__(self, "_side").apply("setitem", self, key, value)

    def __delitem__(self, key: Any) -> None:
        object.__getattribute__(self, "_side").apply("delitem", self, key)

    def __contains__(self, item: Any) -> bool:
        return bool(object.__getattribute__(self, "_side").apply("contains", self, item))

    def __iter__(self) -> Any:
        it = object.__getattribute__(self, "_side").apply("iter", self)
        if isinstance(it, Remote):
            return _RemoteIterator(it)
        return iter(it)

    def __next__(self) -> Any:
        return object.__getattribute__(self, "_side").apply("next", self)

    def __len__(self) -> int:
        return int(object.__getattribute__(self, "_side").apply("len", self))

    def __bool__(self) -> bool:
        return bool(object.__getattribute__(self, "_side").apply("bool", self))

    def __float__(self) -> float:
        return float(object.__getattribute__(self, "_side").apply("float", self))

    def __int__(self) -> int:
        return int(object.__getattribute__(self, "_side").apply("int", self))

    def __index__(self) -> int:
        return int(object.__getattribute__(self, "_side").apply("index", self))

    def __repr__(self) -> str:
        try:
            text = object.__getattribute__(self, "_side").apply("repr", self)
        except Exception:  # noqa: BLE001 - a learner's __repr__ may fail
            text = None
        if not isinstance(text, str):
            return f"<{object.__getattribute__(self, '_type')} object>"
        return text

    def __str__(self) -> str:
        try:
            text = object.__getattribute__(self, "_side").apply("str", self)
        except Exception:  # noqa: BLE001
            text = None
        return text if isinstance(text, str) else repr(self)

    def __hash__(self) -> int:
        return hash(("remote", object.__getattribute__(self, "_id")))

    def __enter__(self) -> Any:
        return object.__getattribute__(self, "_side").apply("enter", self)

    def __exit__(self, *exc: Any) -> Any:
        return object.__getattribute__(self, "_side").apply("exit", self)

    def __dir__(self) -> list[str]:
        names = object.__getattribute__(self, "_side").apply("dir", self)
        return list(names) if isinstance(names, list) else []

    __add__, __radd__ = _binary("add"), _binary("add", True)
    __sub__, __rsub__ = _binary("sub"), _binary("sub", True)
    __mul__, __rmul__ = _binary("mul"), _binary("mul", True)
    __truediv__, __rtruediv__ = _binary("truediv"), _binary("truediv", True)
    __floordiv__, __rfloordiv__ = _binary("floordiv"), _binary("floordiv", True)
    __mod__, __rmod__ = _binary("mod"), _binary("mod", True)
    __pow__, __rpow__ = _binary("pow"), _binary("pow", True)
    __matmul__, __rmatmul__ = _binary("matmul"), _binary("matmul", True)
    __and__, __rand__ = _binary("and_"), _binary("and_", True)
    __or__, __ror__ = _binary("or_"), _binary("or_", True)
    __xor__, __rxor__ = _binary("xor"), _binary("xor", True)
    __eq__, __ne__ = _binary("eq"), _binary("ne")
    __lt__, __le__ = _binary("lt"), _binary("le")
    __gt__, __ge__ = _binary("gt"), _binary("ge")
    __neg__, __pos__ = _unary("neg"), _unary("pos")
    __abs__, __invert__ = _unary("abs"), _unary("invert")


class _RemoteIterator:
    def __init__(self, remote: Remote) -> None:
        self.remote = remote

    def __iter__(self) -> _RemoteIterator:
        return self

    def __next__(self) -> Any:
        return next(self.remote)


def is_remote(obj: Any) -> bool:
    return isinstance(obj, Remote)
