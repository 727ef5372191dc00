"""Grade one exercise: the checks run here, the learner's code in a contained child.

The boundary is the one autograders trusted with marks use. This process — the trusted
one — never imports the learner's file: it reads the source, looks at it (syntax, what it
imports, which methods a class defines), starts a sandboxed child
(:mod:`ladder.study.sandbox`) that loads the file, and runs the exercise's checks with
``submitted`` standing for the learner's object over a pipe (:mod:`ladder.study.remote`).
Only plain data crosses; the checks, the reference and every comparison are here, so
nothing the learner's code prints, writes or patches can change a verdict. Whatever
that code does (loop forever, allocate without bound, fork, exit, crash the
interpreter), this side survives and turns it into one of four outcomes:

* ``not_attempted`` — the stub still raises ``NotImplementedError``;
* ``incorrect`` — a check found a wrong answer (input, expected, actual, misconception),
  or the file calls the reference it should replace, or changes its inputs in place;
* ``passed`` — every check passed;
* ``could_not_check`` — the code could not be run to the end (syntax error with its
  line, import error, an exception with the learner's own frames, timeout, out of
  memory, a crash, an exit), with the reason.
"""

from __future__ import annotations

import ast
import importlib.util
import itertools
import os
import signal
import stat
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from ladder.curriculum.schema import Exercise

__all__ = ["CheckResult", "Verdict", "grade", "Outcome", "MAX_SOURCE_BYTES", "WarmGrader"]

Outcome = Literal["passed", "incorrect", "not_attempted", "could_not_check"]
MAX_SOURCE_BYTES = 1024 * 1024
PREPARE_SECONDS = 120.0  # the child's start and our imports, not the learner's time
OWN_WORK = "write it from the lesson's formula; the library is what you compare with"


@dataclass
class CheckResult:
    name: str
    description: str
    status: Literal["passed", "failed", "error", "not_attempted", "not_run"]
    message: str = ""
    inputs: str | None = None
    expected: str | None = None
    actual: str | None = None
    misconception: str | None = None


@dataclass
class Verdict:
    exercise: str
    outcome: Outcome
    checks: list[CheckResult] = field(default_factory=list)
    reason: str = ""  # for could_not_check and not_attempted: one sentence
    output: str = ""  # the first and last lines the learner's code printed
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.outcome == "passed"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Verdict:
        checks = [CheckResult(**c) for c in data.get("checks", [])]
        return cls(**{**data, "checks": checks})


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


# ------------------------------------------------------------------ reading the file


class _Unreadable(Exception):
    pass


def read_source(path: Path) -> str:
    """The learner's file as text: a regular file of at most 1 MiB, read without
    blocking (a FIFO or a device in its place is refused, not waited on)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _Unreadable(f"{path} cannot be read ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _Unreadable(f"{path} is not a regular file")
        data = os.read(fd, MAX_SOURCE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_SOURCE_BYTES:
        raise _Unreadable(f"{path} is larger than 1 MiB")
    return data.decode("utf-8", errors="replace")


# ------------------------------------------------------------ looking at the source


def _dotted(node: ast.AST, aliases: dict[str, str]) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    return ".".join([aliases[node.id], *reversed(parts)])


def forbidden_uses(
    tree: ast.AST, forbidden: list[str], entry: str, reference: str | None = None
) -> list[str]:
    """Where the source imports or reaches for a forbidden ``module:name`` (or a whole
    forbidden ``module``). With ``reference`` (``module:name``, when the stub does not
    subclass it), importing a name equal to ``entry`` from the reference's package is
    flagged too: that is the answer under another path (a re-export)."""
    pairs = [(m, n) for m, _, n in (spec.partition(":") for spec in forbidden)]
    whole = {m for m, n in pairs if not n}
    names = {(m, n) for m, n in pairs if n}
    package = reference.split(".")[0] if reference else None

    def is_forbidden(module: str, name: str) -> bool:
        for m, n in names:
            if name == n and (module == m or module.startswith(m + ".")):
                return True
        return package is not None and name == entry and module.split(".")[0] == package

    def under_whole(module: str) -> bool:
        return any(module == w or module.startswith(w + ".") for w in whole)

    found: list[str] = []
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if under_whole(a.name):
                    found.append(a.name)
                aliases[a.asname or a.name.split(".")[0]] = (
                    a.name if a.asname else a.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if under_whole(node.module):
                found.append(node.module)
            for a in node.names:
                full = f"{node.module}.{a.name}"
                if is_forbidden(node.module, a.name) or under_whole(full):
                    found.append(full)
                aliases[a.asname or a.name] = full
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            path = _dotted(node, aliases)
            if path and "." in path:
                module, _, name = path.rpartition(".")
                if (module, name) in names or any(
                    name == n and module.startswith(m + ".") for m, n in names
                ):
                    found.append(path)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            base = (
                _dotted(node.args[0], aliases)
                if not isinstance(node.args[0], ast.Name)
                else (aliases.get(node.args[0].id))
            )
            if base and (base, node.args[1].value) in names:
                found.append(f"{base}.{node.args[1].value}")
    return list(dict.fromkeys(found))


def inherited_calls(tree: ast.Module, entry: str, writes: list[str]) -> list[str]:
    """Calls from the learner's class to the library's version of a method it must
    write: ``super().m(...)`` or ``Base.m(self, ...)`` inside the class ``entry``."""
    if not writes:
        return []
    found = []
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == entry):
            continue
        bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
        for sub in ast.walk(node):
            if not (isinstance(sub, ast.Attribute) and sub.attr in writes):
                continue
            owner = sub.value
            if (
                isinstance(owner, ast.Call)
                and isinstance(owner.func, ast.Name)
                and owner.func.id == "super"
            ) or (isinstance(owner, ast.Name) and owner.id in bases):
                found.append(f"{'super()' if isinstance(owner, ast.Call) else owner.id}.{sub.attr}")
    return found


def missing_methods(tree: ast.Module, entry: str, writes: list[str]) -> list[str]:
    """The methods of ``writes`` that the class ``entry`` does not define in its body."""
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == entry:
            defined = {
                n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
            return [w for w in writes if w not in defined]
    return []  # not a class statement: the child's check decides


# ------------------------------------------------------------------------- grading

_module_ids = itertools.count()
_ONE_AT_A_TIME = threading.Lock()


def _load_checks(exercise: Exercise) -> tuple[Any, list[tuple[str, Any]]]:
    name = f"ladder_checks_{exercise.id.replace('.', '_').replace('-', '_')}_{next(_module_ids)}"
    spec = importlib.util.spec_from_file_location(name, exercise.checks_path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    checks = [(n, fn) for n, fn in vars(module).items() if n.startswith("check_") and callable(fn)]
    return module, checks


def _description(name: str, fn: Any) -> str:
    return (fn.__doc__ or name.removeprefix("check_").replace("_", " ")).strip().splitlines()[0]


def _list_checks(exercise: Exercise, names: list[tuple[str, str]]) -> None:
    """Fill ``names`` with each check's name and full description (none if the check
    module cannot be loaded: the verdict then lists only what it has)."""
    try:
        _module, checks = _load_checks(exercise)
    except Exception:  # noqa: BLE001 - a course bug surfaces when the checks run
        return
    names[:] = [(n, _description(n, fn)) for n, fn in checks]


def _reference(exercise: Exercise) -> Any:
    module_name, _, attr = exercise.solution.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def grade(
    exercise: Exercise,
    learner_file: Path,
    *,
    timeout: float | None = None,
    memory_mb: int | None = None,
    use_reference: bool = False,
    warm: WarmGrader | None = None,
) -> Verdict:
    """Run ``exercise``'s checks against ``learner_file`` and return the verdict.

    ``use_reference=True`` grades the reference solution instead, through the same
    contained child (``ladder dev check`` proves every solution passes its own checks).
    ``warm`` (``ladder watch``, ``ladder serve``) keeps a sandbox started and prepared
    for the next check, so a torch exercise answers in well under a second.
    """
    started = time.perf_counter()
    # One grading at a time per process: checks seed global generators (NumPy's, torch's,
    # ladder.nn.init's), which two threads of a web server must not interleave.
    with _ONE_AT_A_TIME:
        verdict = _grade(exercise, learner_file, timeout, memory_mb, use_reference, warm)
    verdict.seconds = time.perf_counter() - started
    return verdict


def _grade(
    exercise: Exercise,
    learner_file: Path,
    timeout: float | None,
    memory_mb: int | None,
    use_reference: bool,
    warm: WarmGrader | None = None,
) -> Verdict:
    from ladder.study.remote import RemoteError, TrustedSide
    from ladder.study.sandbox import Sandbox

    timeout = exercise.timeout if timeout is None else timeout
    memory_mb = exercise.memory_mb if memory_mb is None else memory_mb
    v = Verdict(exercise.id, "could_not_check")

    source, path_text = "", ""
    tree: ast.Module | None = None
    if not use_reference:
        try:
            source = read_source(learner_file)
        except FileNotFoundError:
            v.reason = f"{learner_file} does not exist; `ladder reset {exercise.id}` restores it"
            return v
        except _Unreadable as exc:
            v.reason = f"{exc}; `ladder reset {exercise.id}` restores the stub"
            return v
        path_text = str(learner_file.resolve())
        try:
            tree = ast.parse(source, filename=path_text)
        except SyntaxError as exc:
            code = (exc.text or "").strip()
            v.reason = f"your file has a syntax error (line {exc.lineno}): {exc.msg}" + (
                f": {code}" if code else ""
            )
            return v
        except ValueError as exc:
            v.reason = f"your file could not be read as Python: {exc}"
            return v

    names: list[tuple[str, str]] = []

    def finish(results: list[CheckResult]) -> Verdict:
        if not names and results and results[0].name == "own_work":
            _list_checks(exercise, names)  # refused before loading: still name every check
        ran = {c.name for c in results}
        v.checks = results + [CheckResult(n, d, "not_run") for n, d in names if n not in ran]
        return v

    def load_checks() -> tuple[Any, list[tuple[str, Any]], Any] | None:
        try:
            module, checks = _load_checks(exercise)
            reference = _reference(exercise)
        except Exception as exc:  # noqa: BLE001 - a course bug, reported as such
            v.reason = f"the checks of {exercise.id} could not be loaded (a course bug): {exc}"
            return None
        names[:] = [(n, _description(n, fn)) for n, fn in checks]
        return module, checks, reference

    if tree is not None:
        # A stub that subclasses the reference imports it; then the methods it must
        # write are what may not come from the library.
        forbidden = ([] if exercise.writes else [exercise.solution]) + list(exercise.forbid)
        uses = forbidden_uses(
            tree, forbidden, exercise.entry, None if exercise.writes else exercise.solution
        )
        uses += inherited_calls(tree, exercise.entry, exercise.writes)
        if uses:
            v.outcome = "incorrect"
            v.reason = "your file uses the implementation it is meant to replace"
            return finish([_own_work(f"your file uses `{uses[0]}`, " + _answer_phrase(exercise))])
        missing = missing_methods(tree, exercise.entry, exercise.writes)
        if missing:
            v.outcome = "incorrect"
            v.reason = "a method the exercise asks for is inherited, not written"
            return finish(
                [
                    _own_work(
                        f"define {', '.join(f'`{m}`' for m in missing)} in your class "
                        f"`{exercise.entry}` itself: the exercise is to write it, not to inherit it"
                    )
                ]
            )

    # Three clocks: the child's start with our own imports (the check module, torch) has
    # PREPARE_SECONDS, however busy the machine; the learner's file loading has the time
    # limit; the checks then have it again.
    deadline = time.monotonic() + PREPARE_SECONDS
    check_deadline: list[float] = []
    results: list[CheckResult] = []
    spare = warm.take(exercise, memory_mb) if warm is not None else None
    with spare.box if spare is not None else Sandbox(memory_mb) as box:
        if spare is None:
            try:
                box.start()  # the child starts its imports while this side loads the checks
            except OSError as exc:
                v.reason = f"the grader could not start a process: {exc}"
                return finish([])
        loaded = load_checks()
        if loaded is None:
            return v
        check_module, checks, reference = loaded
        if spare is not None:
            side = spare.side
            side.check_module, side.in_place = check_module, exercise.in_place
            side.endpoint.deadline = deadline
        else:
            side = TrustedSide(
                box.from_child,
                box.to_child,
                deadline=deadline,
                limit=max(64, memory_mb) * 1024 * 1024,
                check_module=check_module,
                in_place=exercise.in_place,
            )
        running: tuple[str, str] | None = None
        try:
            try:
                if spare is None:
                    side.endpoint.call("prepare", _prepare_request(exercise))
                elif not spare.wait(deadline):
                    raise spare.failure()
            except RemoteError as exc:  # our check module failed to import: a course bug
                v.reason = (
                    f"the checks of {exercise.id} could not be loaded in the learner's "
                    f"process (a course bug): {exc.info.get('message', exc)}"
                )
                return finish([])
            _learner_clock(side, box, timeout)
            check_deadline.append(-1.0)  # from here on, a timeout is the learner's
            load = side.endpoint.call(
                "load",
                {
                    "reference": exercise.solution if use_reference else None,
                    "source": source,
                    "path": path_text,
                    "entry": exercise.entry,
                    "writes": list(exercise.writes),
                    "tripwires": ([] if exercise.writes else [exercise.solution])
                    + [f for f in exercise.forbid if ":" in f],
                },
            )
            if not load.get("ok"):
                return _load_failed(v, load.get("load_error") or {}, finish)
            if load.get("tripped"):
                v.outcome = "incorrect"
                v.reason = "your file uses the implementation it is meant to replace"
                return finish(
                    [
                        _own_work(
                            f"your file calls `{load['tripped'][0]}`, " + _answer_phrase(exercise)
                        )
                    ]
                )
            submitted = load["entry"]
            # The checks' own clock starts once the learner's file is loaded.
            _learner_clock(side, box, timeout)
            check_deadline.append(side.endpoint.deadline)
            for name, fn in checks:
                running = (name, _description(name, fn))
                result = _run_check(fn, submitted, reference, running, exercise, memory_mb)
                results.append(result)
                running = None
                if result.status == "failed" and result.name == "own_work":
                    break
        except BaseException as exc:  # noqa: BLE001 - the child failed us; say how
            from ladder.study.wire import WireClosed, WireError, WireTimeout

            if not isinstance(exc, WireError):
                raise
            status = box.exit_status(wait=2.0) if isinstance(exc, WireClosed) else None
            during = f" during the check “{running[1]}”" if running else ""
            if box.memory_trouble() or (status is not None and status == -signal.SIGKILL):
                v.reason = (
                    f"the process was killed{during}, "
                    f"most likely for using more than {memory_mb} MiB of memory"
                )
            elif isinstance(exc, WireTimeout):
                if not check_deadline:
                    v.reason = (
                        f"the grader's process did not start within {PREPARE_SECONDS:g} s "
                        "(is the machine very busy?); try again"
                    )
                elif len(check_deadline) > 1:
                    v.reason = (
                        f"your code did not finish within {timeout:g} s{during}: "
                        "look for a loop that never ends"
                    )
                else:
                    v.reason = (
                        f"your file did not finish loading within {timeout:g} s: look for a loop "
                        "or a long computation at the top level of the file"
                    )
            elif isinstance(exc, WireClosed) and status is not None and status < 0:
                v.reason = f"the Python interpreter crashed ({_signal_name(status)}){during}"
            elif isinstance(exc, WireClosed):
                code = "?" if status is None else status
                where = during or " while loading your file"
                v.reason = (
                    f"your code ended the process (exit code {code}){where}: "
                    "do not call os._exit or exit the interpreter"
                )
            else:
                v.reason = f"your code interfered with the grader's channel{during} ({exc})"
            if running:
                results.append(CheckResult(running[0], running[1], "error", v.reason))
            v.output = box.output.text() if box.output else ""
            return finish(results)
        finally:
            try:
                if box.proc is not None and box.proc.poll() is None and box.to_child >= 0:
                    from ladder.study.wire import write_message

                    write_message(box.to_child, {"op": "bye"}, [])
            except Exception:  # noqa: BLE001 - it is being ended anyway
                pass
    v.output = box.output.text() if box.output else ""
    finish(results)
    return _outcome(v)


def _prepare_request(exercise: Exercise) -> dict:
    """What the child needs to load the check module: its path (for tracebacks) and its
    text (read here, where the course folder is in sight)."""
    path = exercise.checks_path
    return {"checks": str(path), "checks_source": path.read_text("utf-8")}


class _Spare:
    """A sandbox started ahead of time, its child's imports done (the ``prepare`` step)."""

    def __init__(self, exercise: Exercise, memory_mb: int) -> None:
        from ladder.study.remote import TrustedSide
        from ladder.study.sandbox import Sandbox

        self.key = (exercise.id, str(exercise.checks_path), memory_mb)
        self.box = Sandbox(memory_mb)
        self.box.start()
        self.side = TrustedSide(
            self.box.from_child,
            self.box.to_child,
            deadline=time.monotonic() + PREPARE_SECONDS,
            limit=max(64, memory_mb) * 1024 * 1024,
        )
        self.done = threading.Event()
        self.error: BaseException | None = None
        request = _prepare_request(exercise)
        threading.Thread(target=self._prepare, args=(request,), daemon=True).start()

    def _prepare(self, request: dict) -> None:
        try:
            self.side.endpoint.call("prepare", request)
        except BaseException as exc:  # noqa: BLE001 - reported when the spare is used
            self.error = exc
        finally:
            self.done.set()

    def wait(self, deadline: float) -> bool:
        """True once prepared without error (waits until ``deadline`` at most)."""
        return self.done.wait(max(0.0, deadline - time.monotonic())) and self.error is None

    def failure(self) -> BaseException:
        from ladder.study.wire import WireTimeout

        return self.error or WireTimeout("the prepared child did not become ready")


class WarmGrader:
    """Keeps one prepared sandbox per exercise ready for the next check.

    Each sandbox is used for one check only and then ended, exactly as without this
    (no learner code ever runs twice in one sandbox); only its start-up — Python, NumPy,
    torch, the check module — happens before the learner saves, not after.
    """

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._spares: dict[str, _Spare] = {}
        self._lock = threading.Lock()
        # The sandboxes are started from one thread that lives as long as this object:
        # the child dies with the thread that started it (PR_SET_PDEATHSIG), and a web
        # server's worker threads come and go (anyio ends those idle for 10 s).
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ladder-warm")

    def prepare(self, exercise: Exercise, memory_mb: int | None = None) -> None:
        """Start a sandbox for ``exercise``'s next check, unless one is waiting."""
        memory = exercise.memory_mb if memory_mb is None else memory_mb
        with self._lock:
            old = self._spares.get(exercise.id)
            if old is not None and old.key == (exercise.id, str(exercise.checks_path), memory):
                return
            try:
                self._spares[exercise.id] = self._starter.submit(_Spare, exercise, memory).result()
            except (OSError, RuntimeError):  # RuntimeError: closed meanwhile
                return  # the next check starts its own
        if old is not None:
            old.box.close()

    def take(self, exercise: Exercise, memory_mb: int) -> _Spare | None:
        with self._lock:
            spare = self._spares.pop(exercise.id, None)
        if spare is None:
            return None
        if spare.key != (exercise.id, str(exercise.checks_path), memory_mb) or (
            spare.done.is_set() and spare.error is not None
        ):
            spare.box.close()
            return None
        return spare

    def close(self) -> None:
        with self._lock:
            spares, self._spares = list(self._spares.values()), {}
        for spare in spares:
            spare.box.close()
        self._starter.shutdown(wait=False)


def wall_limit(timeout: float) -> float:
    """Wall-clock seconds allowed for ``timeout`` seconds of computation (code that
    sleeps or waits uses no CPU time; a busy machine stretches the rest)."""
    return 3 * timeout + 10


def _learner_clock(side: Any, box: Any, timeout: float) -> None:
    """Start the learner's clock: ``timeout`` seconds of CPU time in the sandbox, so a
    machine busy with other work never turns correct code into a timeout; and a
    wall-clock bound for code that only sleeps."""
    start = box.cpu_seconds()
    side.endpoint.spent = lambda: box.cpu_seconds() - start > timeout
    side.endpoint.deadline = time.monotonic() + wall_limit(timeout)


def _answer_phrase(exercise: Exercise) -> str:
    return (
        f"the implementation exercise {exercise.id} asks you to write yourself "
        "(or a library's version of it)"
    )


def _own_work(message: str) -> CheckResult:
    return CheckResult(
        "own_work",
        "the exercise is your own code",
        "failed",
        message,
        misconception=OWN_WORK,
    )


def _load_failed(v: Verdict, err: dict, finish) -> Verdict:
    kind = err.get("kind")
    if kind == "not_attempted":
        v.outcome, v.reason = "not_attempted", "the exercise still raises NotImplementedError"
        return v
    if kind == "inherited":
        v.outcome = "incorrect"
        v.reason = "a method the exercise asks for is inherited, not written"
        return finish([_own_work(str(err.get("message", "")))])
    labels = {
        "syntax": "your file has a syntax error",
        "import": "your file failed to import",
        "exception": "your file raised an error when imported",
        "exit": "your file exits when imported",
        "memory": "out of memory",
        "missing": "a name is missing",
    }
    where = f" (line {err['line']})" if err.get("line") else ""
    v.reason = f"{labels.get(kind, 'could not load your file')}{where}: {err.get('message', '')}"
    return v


def _run_check(
    fn: Any,
    submitted: Any,
    reference: Any,
    running: tuple[str, str],
    exercise: Exercise,
    memory_mb: int,
) -> CheckResult:
    from ladder.curriculum.expect import CheckFailed, show
    from ladder.study.remote import CalledTheAnswer, ChangedInput, LearnerExit
    from ladder.study.wire import WireError

    name, desc = running
    try:
        fn(submitted, reference)
    except CheckFailed as exc:
        return CheckResult(
            name,
            desc,
            "failed",
            exc.message,
            inputs=None if exc.inputs is None else show(exc.inputs, quote=False),
            expected=None if exc.expected is None else show(exc.expected),
            actual=None if exc.actual is None and exc.expected is None else show(exc.actual),
            misconception=exc.misconception,
        )
    except NotImplementedError:
        return CheckResult(name, desc, "not_attempted", "not implemented yet")
    except CalledTheAnswer as exc:  # the check it interrupted is listed as not run
        return _own_work(f"your code calls `{exc.names[0]}`, " + _answer_phrase(exercise))
    except ChangedInput as exc:
        return CheckResult(
            name,
            desc,
            "failed",
            f"your code changed its input ({exc.where}) in place",
            misconception="work on a copy (np.array(x, dtype=float), x.copy(), x.clone()) "
            "instead of changing the caller's data",
        )
    except LearnerExit as exc:
        code = exc.info.get("exit_code", "")
        return CheckResult(
            name, desc, "error", f"your code called sys.exit({code}); return a value instead"
        )
    except MemoryError:
        return CheckResult(name, desc, "error", f"ran out of memory (the limit is {memory_mb} MiB)")
    except RecursionError:
        return CheckResult(
            name, desc, "error", "infinite recursion: a function keeps calling itself"
        )
    except WireError:
        raise
    except Exception as exc:  # noqa: BLE001 - the learner's error, or what it returned
        info = getattr(exc, "ladder_info", None)
        if info is not None:
            message = info.get("trace") or f"{info.get('types', ['Error'])[0]}: {exc}"
        else:
            message = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return CheckResult(name, desc, "error", message)
    return CheckResult(name, desc, "passed")


def _outcome(v: Verdict) -> Verdict:
    statuses = [c.status for c in v.checks if c.status != "not_run"]
    if statuses and all(s == "not_attempted" for s in statuses):
        v.outcome, v.reason = "not_attempted", "the exercise still raises NotImplementedError"
    elif any(c.status == "failed" and c.name == "own_work" for c in v.checks):
        v.outcome = "incorrect"
        v.reason = "your code uses the implementation it is meant to replace"
    elif "error" in statuses:
        first = next(c for c in v.checks if c.status == "error")
        v.reason = f"your code raised an error in the check “{first.description}”"
    elif statuses and all(s == "passed" for s in statuses) and len(statuses) == len(v.checks):
        v.outcome = "passed"
    elif "failed" in statuses:
        v.outcome = "incorrect"
    elif not v.checks:
        v.reason = "the exercise has no checks"
    return v
