"""The child side of the grader: runs one exercise's checks on the learner's file.

Started by :func:`ladder.study.grader.grade` as ``python -m ladder.study.runner SPEC
RESULTS``. It sets its own memory limit, imports the learner's file, and writes one JSON
line per event to RESULTS, flushing each, so the parent knows how far it got even if the
learner's code ends the process, loops forever or crashes the interpreter.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import traceback
from pathlib import Path
from typing import IO, Any

__all__ = ["main"]


def _limit(megabytes: int, seconds: float) -> None:
    """Memory limit, no core files, and a dead man's switch: this process dies with its
    parent (Linux) and, at the latest, a few seconds after the parent's own deadline."""
    try:
        import resource
        import signal

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.alarm(int(seconds) + 5)  # SIGALRM's default action ends the process
    except (ImportError, ValueError, OSError, AttributeError):
        pass  # not on this platform: the parent's timeout still holds
    try:
        import ctypes
        import signal

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _learner_trace(exc: BaseException, learner_file: str) -> str:
    """The traceback cut to the learner's own frames (ours are noise to them)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == learner_file]
    lines = traceback.format_list(frames) if frames else []
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines).rstrip()


class _Out:
    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh

    def __call__(self, **event: Any) -> None:
        self.fh.write(json.dumps(event, default=str) + "\n")
        self.fh.flush()


def _load_learner(path: str, emit: _Out) -> Any:
    spec = importlib.util.spec_from_file_location("learner_exercise", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["learner_exercise"] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        emit(
            event="load_error",
            kind="syntax",
            line=exc.lineno,
            message=f"{exc.msg}: {(exc.text or '').strip()}",
        )
        return None
    except NotImplementedError:
        emit(
            event="load_error",
            kind="not_attempted",
            message="the file raises NotImplementedError when imported",
        )
        return None
    except SystemExit as exc:
        emit(
            event="load_error",
            kind="exit",
            message=f"the file calls sys.exit({exc.code!r}) when imported",
        )
        return None
    except MemoryError:
        emit(event="load_error", kind="memory", message="the file ran out of memory when imported")
        return None
    except BaseException as exc:  # noqa: BLE001 - everything the learner can raise
        kind = "import" if isinstance(exc, ImportError) else "exception"
        emit(event="load_error", kind=kind, message=_learner_trace(exc, path))
        return None
    return module


def _describe(exc: BaseException) -> dict[str, Any]:
    from ladder.curriculum.expect import show

    return {
        "message": getattr(exc, "message", str(exc)),
        "inputs": None if getattr(exc, "inputs", None) is None else show(exc.inputs),
        "expected": None if getattr(exc, "expected", None) is None else show(exc.expected),
        # None is worth showing only when a value was expected (a missing `return`).
        "actual": None
        if getattr(exc, "actual", None) is None and getattr(exc, "expected", None) is None
        else show(getattr(exc, "actual", None)),
        "misconception": getattr(exc, "misconception", None),
    }


def main(argv: list[str]) -> int:
    spec_path, results_path = argv
    spec = json.loads(Path(spec_path).read_text("utf-8"))
    _limit(spec["memory_mb"], spec["timeout"])
    with open(results_path, "w", encoding="utf-8") as fh:
        emit = _Out(fh)
        emit(event="started")
        learner_file = spec["learner_file"]
        from ladder.curriculum.expect import CheckFailed

        # The reference and the checks are ours: a failure there is a curriculum bug.
        module_name, _, attr = spec["solution"].partition(":")
        reference = getattr(importlib.import_module(module_name), attr)
        cspec = importlib.util.spec_from_file_location("exercise_checks", spec["checks_file"])
        assert cspec and cspec.loader
        checks_mod = importlib.util.module_from_spec(cspec)
        cspec.loader.exec_module(checks_mod)
        checks = [
            (name, fn)
            for name, fn in vars(checks_mod).items()
            if name.startswith("check_") and callable(fn)
        ]
        emit(event="checks", names=[n for n, _ in checks])

        if spec.get("use_reference"):
            submitted = reference
        else:
            module = _load_learner(learner_file, emit)
            if module is None:
                emit(event="done")
                return 0
            if not hasattr(module, spec["entry"]):
                emit(
                    event="load_error",
                    kind="missing",
                    message=(
                        f"your file no longer defines `{spec['entry']}`; "
                        "`ladder reset` restores the stub"
                    ),
                )
                emit(event="done")
                return 0
            submitted = getattr(module, spec["entry"])

        for name, fn in checks:
            doc = (
                (fn.__doc__ or name.removeprefix("check_").replace("_", " "))
                .strip()
                .splitlines()[0]
            )
            emit(event="begin", name=name, description=doc)
            try:
                fn(submitted, reference)
            except CheckFailed as exc:
                emit(event="result", name=name, status="failed", **_describe(exc))
            except NotImplementedError:
                emit(
                    event="result", name=name, status="not_attempted", message="not implemented yet"
                )
            except MemoryError:
                emit(
                    event="result",
                    name=name,
                    status="error",
                    message=f"ran out of memory (the limit is {spec['memory_mb']} MiB)",
                )
            except RecursionError:
                emit(
                    event="result",
                    name=name,
                    status="error",
                    message="infinite recursion: a function keeps calling itself",
                )
            except SystemExit as exc:
                emit(
                    event="result",
                    name=name,
                    status="error",
                    message=f"your code called sys.exit({exc.code!r}); return a value instead",
                )
            except BaseException as exc:  # noqa: BLE001
                emit(
                    event="result",
                    name=name,
                    status="error",
                    message=_learner_trace(exc, learner_file),
                )
            else:
                emit(event="result", name=name, status="passed")
        emit(event="done")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main(sys.argv[1:]))
