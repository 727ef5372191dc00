"""Grade one exercise: run its checks on the learner's file in a child process.

The child (:mod:`ladder.study.runner`) has a wall-clock limit and a memory limit and
reports each event as it happens; whatever the learner's code does (loop forever,
allocate without bound, call ``sys.exit`` or ``os._exit``, crash the interpreter) this
side survives and turns it into one of four outcomes:

* ``not_attempted`` — the stub still raises ``NotImplementedError``;
* ``incorrect`` — a check found a wrong answer (input, expected, actual, misconception);
* ``passed`` — every check passed;
* ``could_not_check`` — the code could not be run to the end (syntax error with its
  line, import error, an exception with the learner's own frames, timeout, out of
  memory, a crash, an exit), with the reason.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from ladder.curriculum.schema import Exercise

__all__ = ["CheckResult", "Verdict", "grade", "Outcome"]

Outcome = Literal["passed", "incorrect", "not_attempted", "could_not_check"]


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
    output: str = ""  # the tail of what the learner's code printed
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


def _events(path: Path) -> list[dict]:
    out = []
    try:
        text = path.read_text("utf-8", errors="replace")
    except FileNotFoundError:
        return out
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            break  # a line cut short by a crash
    return out


def _tail(path: Path, lines: int = 10) -> str:
    """The first and last ``lines`` lines of what the learner's code printed."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except FileNotFoundError:
        return ""
    all_lines = [line[:300] for line in text.rstrip().splitlines()]
    if len(all_lines) > 2 * lines:
        all_lines = (
            all_lines[:lines]
            + [f"… {len(all_lines) - 2 * lines} more lines …"]
            + all_lines[-lines:]
        )
    return "\n".join(all_lines)


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


def grade(
    exercise: Exercise,
    learner_file: Path,
    *,
    timeout: float | None = None,
    memory_mb: int | None = None,
    use_reference: bool = False,
) -> Verdict:
    """Run ``exercise``'s checks against ``learner_file`` and return the verdict.

    ``use_reference=True`` grades the reference solution instead (the curriculum test
    uses it to prove every solution passes its own checks).
    """
    timeout = exercise.timeout if timeout is None else timeout
    memory_mb = exercise.memory_mb if memory_mb is None else memory_mb
    started = time.perf_counter()
    if not use_reference and not learner_file.is_file():
        return Verdict(
            exercise.id,
            "could_not_check",
            reason=f"{learner_file} does not exist; `ladder reset {exercise.id}` restores it",
        )

    with tempfile.TemporaryDirectory(prefix="ladder-check-") as tmp:
        tmpd = Path(tmp)
        spec = {
            "learner_file": str(learner_file.resolve()) if not use_reference else "",
            "checks_file": str(exercise.checks_path),
            "solution": exercise.solution,
            "entry": exercise.entry,
            "memory_mb": memory_mb,
            "timeout": timeout,
            "use_reference": use_reference,
        }
        (tmpd / "spec.json").write_text(json.dumps(spec), "utf-8")
        results, output = tmpd / "results.jsonl", tmpd / "output.txt"
        env = {
            **os.environ,
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "MPLBACKEND": "Agg",
        }
        with output.open("wb") as out:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "ladder.study.runner",
                    str(tmpd / "spec.json"),
                    str(results),
                ],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=str(learner_file.parent if not use_reference else tmpd),
                env=env,
                start_new_session=True,
            )
            timed_out = False
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait()
        verdict = _interpret(
            exercise,
            _events(results),
            proc.returncode,
            timed_out,
            timeout,
            memory_mb,
            _tail(output),
        )
    verdict.seconds = time.perf_counter() - started
    return verdict


def _interpret(
    exercise: Exercise,
    events: list[dict],
    returncode: int,
    timed_out: bool,
    timeout: float,
    memory_mb: int,
    output: str,
) -> Verdict:
    v = Verdict(exercise.id, "could_not_check", output=output)
    names: list[str] = []
    running: dict | None = None
    done = False
    for ev in events:
        kind = ev.get("event")
        if kind == "checks":
            names = ev["names"]
        elif kind == "load_error":
            if ev["kind"] == "not_attempted":
                v.outcome, v.reason = (
                    "not_attempted",
                    "the exercise still raises NotImplementedError",
                )
                return v
            where = f" (line {ev['line']})" if ev.get("line") else ""
            labels = {
                "syntax": "your file has a syntax error",
                "import": "your file failed to import",
                "exception": "your file raised an error when imported",
                "exit": "your file exits when imported",
                "memory": "out of memory",
                "missing": "a name is missing",
            }
            v.reason = (
                f"{labels.get(ev['kind'], 'could not load your file')}{where}: {ev['message']}"
            )
            return v
        elif kind == "begin":
            running = ev
        elif kind == "result":
            desc = running["description"] if running else ev["name"]
            fields = {
                k: ev.get(k) for k in ("message", "inputs", "expected", "actual", "misconception")
            }
            fields["message"] = fields["message"] or ""
            v.checks.append(
                CheckResult(name=ev["name"], description=desc, status=ev["status"], **fields)
            )
            running = None
        elif kind == "done":
            done = True

    if not done:
        during = f" during the check “{running['description']}”" if running else ""
        if timed_out:
            v.reason = (
                f"your code did not finish within {timeout:g} s{during}: "
                "look for a loop that never ends"
            )
        elif not events:
            v.reason = "the grader could not start: " + (
                output.splitlines()[-1] if output else f"exit code {returncode}"
            )
        elif returncode < 0 and -returncode == signal.SIGKILL:
            v.reason = (
                f"the process was killed{during}, "
                f"most likely for using more than {memory_mb} MiB of memory"
            )
        elif returncode < 0:
            v.reason = f"the Python interpreter crashed ({_signal_name(returncode)}){during}"
        elif (
            running is None
            and names
            and len(v.checks) == 0
            and not any(e.get("event") == "begin" for e in events)
        ):
            v.reason = (
                f"the process ended (exit code {returncode}) while loading your file: "
                "do not call os._exit"
            )
        else:
            v.reason = (
                f"your code ended the process (exit code {returncode}){during}: "
                "do not call os._exit or exit the interpreter"
            )
        if running:
            v.checks.append(CheckResult(running["name"], running["description"], "error", v.reason))
        ran = {c.name for c in v.checks}
        descs = {n: n.removeprefix("check_").replace("_", " ") for n in names}
        v.checks += [CheckResult(n, descs[n], "not_run") for n in names if n not in ran]
        return v

    statuses = [c.status for c in v.checks]
    if statuses and all(s == "not_attempted" for s in statuses):
        v.outcome, v.reason = "not_attempted", "the exercise still raises NotImplementedError"
    elif "error" in statuses:
        first = next(c for c in v.checks if c.status == "error")
        v.reason = f"your code raised an error in the check “{first.description}”"
    elif statuses and all(s == "passed" for s in statuses):
        v.outcome = "passed"
    elif statuses:
        v.outcome = "incorrect"
    else:
        v.reason = "the exercise has no checks"
    return v
