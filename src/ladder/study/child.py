"""The learner's side of a check: a contained process that only answers calls.

Started by the grader as ``python -m ladder.study.child REQUEST_FD REPLY_FD`` inside the
sandbox (:mod:`ladder.study.sandbox`). It loads the learner's file from source text it
is sent, then answers requests: call this object with these arguments, read this
attribute, apply this operator, run this driver of the check module. Arguments and
results are plain data (:mod:`ladder.study.wire`); the learner's own objects stay here
and are known to the other side only by number.

Nothing this process says decides a verdict: the checks, the reference and the
comparison all run in the trusted process. This side also watches for two honest
mistakes the trusted side asks about: changing an argument in place, and calling the
reference implementation the exercise asks the learner to write (a *tripwire*).
"""

from __future__ import annotations

import importlib
import importlib.util
import operator
import sys
import types
from pathlib import Path
from typing import Any

from ladder.study.remote import Endpoint, describe_exception
from ladder.study.wire import Codec, WireError, is_mutable

__all__ = ["main"]

_OPS: dict[str, Any] = {
    "call": lambda f, *a, **k: f(*a, **k),
    "getattr": getattr,
    "setattr": setattr,
    "delattr": delattr,
    "getitem": operator.getitem,
    "setitem": operator.setitem,
    "delitem": operator.delitem,
    "contains": operator.contains,
    "iter": iter,
    "next": next,
    "len": len,
    "bool": bool,
    "float": float,
    "int": int,
    "index": operator.index,
    "repr": repr,
    "str": str,
    "dir": lambda o: sorted(n for n in dir(o) if isinstance(n, str)),
    "enter": lambda o: o.__enter__(),
    "exit": lambda o: o.__exit__(None, None, None),
    "neg": operator.neg,
    "pos": operator.pos,
    "abs": abs,
    "invert": operator.invert,
}
for _name in "add sub mul truediv floordiv mod pow matmul and_ or_ xor eq ne lt le gt ge".split():
    _OPS[_name] = getattr(operator, _name)

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


class _Callback:
    """A function of the trusted side, handed to learner code: calling it asks there."""

    def __init__(self, child: Child, ident: int) -> None:
        self._child, self._id = child, ident

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return self._child.endpoint.call(
                "callback", {"id": self._id, "args": list(args), "kwargs": kwargs}
            )
        except WireError:
            raise
        except Exception as exc:
            raise RuntimeError(f"a function given by the check failed: {exc}") from None


class Child:
    def __init__(self, rfd: int, wfd: int) -> None:
        self.handles: dict[int, Any] = {}
        self.ids: dict[int, int] = {}  # id(obj) -> handle
        self.check_module: types.ModuleType | None = None
        self.learner_file: str | None = None
        self.entry: Any = None
        self.tripped: list[str] = []
        self._reported = 0
        self.codec = Codec(
            to_handle=self._to_handle,
            from_handle=self._from_handle,
            name_of_function=self._name_of_class,
            function_named=self._function_named,
        )
        self.endpoint = Endpoint(rfd, wfd, self.codec, self._handle, describe=self._describe)

    def _describe(self, exc: BaseException) -> dict:
        if isinstance(exc, _Described):
            return exc.info
        info = describe_exception(exc, self.learner_file)
        info["tripped"] = self._new_trips()
        return info

    # -- codec hooks ------------------------------------------------------------------

    def _to_handle(self, obj: Any) -> dict:
        key = id(obj)
        n = self.ids.get(key)
        if n is None or self.handles.get(n) is not obj:
            n = len(self.handles) + 1
            self.handles[n] = obj
            self.ids[key] = n
        return {"$": "h", "id": n, "type": type(obj).__name__, "callable": callable(obj)}

    def _from_handle(self, tag: dict) -> Any:
        kind, ident = tag.get("$"), tag.get("id")
        if kind == "ref" and ident in self.handles:
            return self.handles[ident]
        if kind == "cb" and isinstance(ident, int):
            return _Callback(self, ident)
        raise WireError("a reference to an unknown object")

    def _name_of_class(self, obj: Any) -> str | None:
        """Objects of the check module's or the library's classes go back by value
        (what the learner defines, or any function, stays here as a handle)."""
        if not isinstance(obj, type):
            return None
        entry = self.entry
        if isinstance(entry, type) and issubclass(obj, entry):
            return None  # the exercise's own class: a handle, as for the learner's
        module, qual = obj.__module__ or "", obj.__qualname__
        if self.check_module is not None and module == self.check_module.__name__:
            return f"check:{qual}" if getattr(self.check_module, qual, None) is obj else None
        if module.split(".")[0] in ("ladder",) and "<" not in qual:
            return f"import:{module}:{qual}"
        return None

    def _function_named(self, name: str) -> Any:
        kind, _, rest = name.partition(":")
        if kind == "check" and self.check_module is not None:
            fn = getattr(self.check_module, rest, None)
            if callable(fn):
                return fn
        if kind == "import":
            module, _, qual = rest.partition(":")
            if module.split(".")[0] in _IMPORTABLE:
                obj: Any = importlib.import_module(module)
                for part in qual.split("."):
                    obj = getattr(obj, part)
                return obj
        raise WireError(f"an unknown function {name!r}")

    # -- requests ---------------------------------------------------------------------

    def _handle(self, op: str, p: Any) -> Any:
        if op == "prepare":
            return self.prepare(p)
        if op == "load":
            return self.load(p)
        if op == "apply":
            return self.apply(p)
        raise WireError(f"an unknown request {op!r}")

    def _new_trips(self) -> list[str]:
        new = self.tripped[self._reported :]
        self._reported = len(self.tripped)
        return list(dict.fromkeys(new))

    def apply(self, p: dict) -> dict:
        fn_name, args, kwargs = p["fn"], list(p.get("args", [])), dict(p.get("kwargs", {}))
        before: dict[Any, tuple[str, list[bytes]]] = {}
        if p.get("track"):
            for key, value in [*enumerate(args[1:], 1), *kwargs.items()]:
                if is_mutable(value):
                    try:
                        before[key] = self._fingerprint(value)
                    except WireError:
                        pass  # holds learner objects: not data we could compare
        try:
            if fn_name == "drive":
                driver, *rest = args
                value = driver(*rest, **kwargs)
            else:
                value = _OPS[fn_name](*args, **kwargs)
        except BaseException as exc:
            info = describe_exception(exc, self.learner_file)
            info["tripped"] = self._new_trips()
            raise _Described(info) from None
        changed = []
        for key, fingerprint in before.items():
            value_now = args[key] if isinstance(key, int) else kwargs[key]
            try:
                now = self._fingerprint(value_now)
            except WireError:
                now = None
            if now != fingerprint:
                changed.append([key, value_now])
        return {"value": value, "changed": changed, "tripped": self._new_trips()}

    def _fingerprint(self, value: Any) -> tuple[str, list[bytes]]:
        import json

        blobs: list[bytes] = []
        tree = Codec(name_of_function=self._name_of_class).encode(value, blobs)
        return json.dumps(tree, sort_keys=True, allow_nan=True), blobs

    def prepare(self, p: dict) -> dict:
        """Run the check module (ours, sent as text: the child's /tmp is its own, so a
        course folder there would be out of sight) with what it imports (NumPy, torch …)."""
        checks, source = p.get("checks"), p.get("checks_source")
        if checks and source is not None:
            module = types.ModuleType("exercise_checks")
            module.__file__ = checks
            sys.modules["exercise_checks"] = module
            self.check_module = module
            exec(compile(source, checks, "exec", dont_inherit=True), module.__dict__)  # noqa: S102
        return {"ok": True}

    def load(self, p: dict) -> dict:
        """Load the learner's file (or, for ``dev check``, the reference)."""
        wires = _Tripwires(self.tripped, p.get("tripwires", []), p.get("writes", []))
        if p.get("reference"):
            module, _, attr = p["reference"].partition(":")
            entry = getattr(importlib.import_module(module), attr)
            self.entry = entry
            return {"ok": True, "entry": entry}
        self.learner_file = p["path"]
        source: str = p["source"]
        local = Path.cwd() / Path(p["path"]).name
        try:
            local.write_text(source, "utf-8")
        except OSError:
            pass  # the copy is a courtesy; the code runs from the text it was sent
        sys.path.insert(0, str(Path.cwd()))
        wires.install()
        module = types.ModuleType("learner_exercise")
        module.__file__ = p["path"]
        sys.modules["learner_exercise"] = module
        try:
            code = compile(source, p["path"], "exec", dont_inherit=True)
            exec(code, module.__dict__)  # noqa: S102 - this process is the sandbox
        except SyntaxError as exc:
            return _load_error("syntax", f"{exc.msg}: {(exc.text or '').strip()}", exc.lineno)
        except ValueError as exc:  # e.g. null bytes in the source
            return _load_error("syntax", str(exc))
        except NotImplementedError:
            return _load_error("not_attempted", "the file raises NotImplementedError when imported")
        except SystemExit as exc:
            return _load_error("exit", f"the file calls sys.exit({exc.code!r}) when imported")
        except MemoryError:
            return _load_error("memory", "the file ran out of memory when imported")
        except BaseException as exc:  # noqa: BLE001 - everything the learner can raise
            kind = "import" if isinstance(exc, ImportError) else "exception"
            return _load_error(kind, describe_exception(exc, self.learner_file)["trace"])
        entry_name = p["entry"]
        if entry_name not in module.__dict__:
            return _load_error(
                "missing",
                f"your file no longer defines `{entry_name}`; `ladder reset` restores the stub",
            )
        entry = module.__dict__[entry_name]
        self.entry = entry
        missing = [
            name
            for name in p.get("writes", [])
            if not isinstance(entry, type)
            or not _defined_here(entry.__dict__.get(name), self.learner_file)
        ]
        if not missing and p.get("writes") and isinstance(entry, type):
            # The methods the learner writes may not be borrowed from the library's
            # classes by any path (a base named differently, the MRO, a re-export): the
            # library's version, called on one of the learner's objects, trips.
            _guard_written(entry, p["writes"], self.tripped)
        if missing:
            return _load_error(
                "inherited",
                f"define {', '.join(f'`{m}`' for m in missing)} in your class `{entry_name}` "
                "itself: the exercise is to write it, not to inherit it",
            )
        return {"ok": True, "entry": entry, "tripped": self._new_trips()}


class _Described(Exception):
    """An exception already turned into plain data (with the trips it caused)."""

    def __init__(self, info: dict) -> None:
        super().__init__(info.get("message", ""))
        self.info = info


def _load_error(kind: str, message: str, line: int | None = None) -> dict:
    return {"ok": False, "load_error": {"kind": kind, "message": message, "line": line}}


def _defined_here(obj: Any, path: str | None) -> bool:
    fn = obj
    if isinstance(fn, (staticmethod, classmethod)):
        fn = fn.__func__
    if isinstance(fn, property):
        fn = fn.fget
    code = getattr(fn, "__code__", None)
    return code is not None and code.co_filename == path


class _Tripwires:
    """Wrap the reference (and the library equivalents an exercise forbids) so that a
    call from learner code is noticed. ``specs`` are ``"module:name"``; for a class the
    stub subclasses, only the methods the learner must write are wrapped."""

    def __init__(self, tripped: list[str], specs: list[str], writes: list[str]) -> None:
        self.tripped, self.writes = tripped, writes
        self.pending: dict[str, list[str]] = {}
        for spec in specs:
            module, _, name = spec.partition(":")
            if name:
                self.pending.setdefault(module, []).append(name)

    def install(self) -> None:
        for module in list(self.pending):
            if module in sys.modules:
                self._patch(sys.modules[module])
        if self.pending:
            sys.meta_path.insert(0, self)  # type: ignore[arg-type]

    def _watch(self, loader: Any) -> bool:
        """Make ``loader`` patch the module it executes; False if it cannot be."""
        real_exec = loader.exec_module

        def exec_module(module: types.ModuleType) -> None:
            real_exec(module)
            self._patch(module)

        try:
            loader.exec_module = exec_module
        except AttributeError:
            return False
        return True

    def _patch(self, module: types.ModuleType) -> None:
        for name in self.pending.pop(module.__name__, []):
            obj = getattr(module, name, None)
            label = f"{module.__name__}.{name}"
            if isinstance(obj, type):
                for meth in ["__init__"]:
                    original = obj.__dict__.get(meth)
                    if original is not None and callable(original):
                        try:
                            setattr(obj, meth, self._wrap(original, label))
                        except (TypeError, AttributeError):
                            pass
            elif callable(obj):
                try:
                    setattr(module, name, self._wrap(obj, label))
                except (TypeError, AttributeError):
                    pass

    def _wrap(self, fn: Any, label: str) -> Any:
        tripped = self.tripped

        def tripwire(*args: Any, **kwargs: Any) -> Any:
            tripped.append(label)
            return fn(*args, **kwargs)

        tripwire.__name__ = getattr(fn, "__name__", "tripwire")
        tripwire.__doc__ = getattr(fn, "__doc__", None)
        return tripwire

    # a meta-path finder that patches a watched module right after it is executed
    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname not in self.pending:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find else None
            if spec is not None and spec.loader is not None:
                if not self._watch(spec.loader):
                    return None
                return spec
        return None


def _guard_written(entry: type, writes: list[str], tripped: list[str]) -> None:
    for base in entry.__mro__[1:]:
        if not (base.__module__ or "").startswith("ladder."):
            continue
        for name in writes:
            original = base.__dict__.get(name)
            if original is None or not callable(original):
                continue
            label = f"{base.__module__}.{base.__qualname__}.{name}"

            def guarded(self, *args, _original=original, _label=label, **kwargs):
                if isinstance(self, entry):
                    tripped.append(_label)
                return _original(self, *args, **kwargs)

            guarded.__name__ = name
            try:
                setattr(base, name, guarded)
            except (TypeError, AttributeError):
                pass


def _die_with_parent() -> None:
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> int:
    rfd, wfd = int(argv[0]), int(argv[1])
    _die_with_parent()
    child = Child(rfd, wfd)
    try:
        child.endpoint.serve()
    except WireError:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
