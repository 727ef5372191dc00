"""The contained process that learner code runs in.

Three layers, each used where the platform offers it (``ladder doctor`` says which):

* **Files and processes — bubblewrap.** The child sees the whole file system read-only,
  a small private ``/tmp`` (a size-limited tmpfs) as its working folder, no network, and
  its own PID namespace: when the sandbox's first process ends, the kernel ends every
  process inside it, including ones that called ``setsid`` or double-forked.
* **The whole tree's memory and process count — a control group.** A cgroup (v2, or v1's
  ``memory`` and ``pids`` hierarchies) caps the memory of all the child's processes
  together and how many there may be; the kernel's OOM killer records when it acted.
* **Always — resource limits.** Address space (per process), file size, no core files,
  and, for a user other than root, the number of processes.

Without bubblewrap the child runs in its own session with the same limits, in an empty
temporary folder; it could then write files the learner can write, which the doctor says.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Isolation", "Sandbox", "isolation", "OutputTail"]

TMPFS_BYTES = 256 * 1024 * 1024  # the child's private /tmp
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
FILE_BYTES = 64 * 1024 * 1024  # the largest file it may write
MAX_PROCESSES = 64  # processes and threads in the child's tree


# --------------------------------------------------------------------- what we have


@dataclass(frozen=True)
class Isolation:
    bubblewrap: str | None  # path of a working bwrap, or None
    cgroup: str | None  # "v2" or "v1", or None
    platform: str

    def describe(self) -> list[tuple[str, str]]:
        """(aspect, what holds) lines for ``ladder doctor``."""
        rows = []
        if self.bubblewrap:
            rows.append(("files", "read-only except a private /tmp (bubblewrap)"))
            rows.append(("network", "none (bubblewrap)"))
            rows.append(("processes", "own PID namespace: all end with the check (bubblewrap)"))
        else:
            rows.append(
                (
                    "files",
                    "NOT isolated: learner code could write your files"
                    + (
                        " (install bubblewrap: apt-get install bubblewrap)"
                        if self.platform.startswith("linux")
                        else ""
                    ),
                )
            )
            rows.append(("network", "not isolated"))
            rows.append(("processes", "own session; stragglers are found and ended"))
        if self.cgroup:
            rows.append(("memory", f"one limit on the whole process tree (cgroup {self.cgroup})"))
        else:
            rows.append(("memory", "a limit per process plus a limit on the process count"))
        return rows


def _bwrap_works(path: str) -> bool:
    try:
        r = subprocess.run(
            [
                path,
                "--ro-bind",
                "/",
                "/",
                "--dev",
                "/dev",
                "--proc",
                "/proc",
                "--tmpfs",
                "/tmp",
                "--unshare-all",
                "--die-with-parent",
                "true",
            ],
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def _probe_file() -> Path | None:
    home = os.environ.get("LADDER_HOME")
    try:
        if home:
            return Path(home) / "cache" / "sandbox.json"
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("ladder", appauthor=False)) / "sandbox.json"
    except (OSError, ImportError):
        return None


def _bwrap_works_cached(path: str) -> bool:
    """Probing bubblewrap costs a process start; remember the answer for a day, keyed by
    the binary, the kernel and the user (any of which can change it)."""
    try:
        key = f"{path}|{os.stat(path).st_mtime_ns}|{os.uname().release}|{os.geteuid()}"
    except OSError:
        return False
    cache = _probe_file()
    if cache is not None:
        try:
            saved = json.loads(cache.read_text())
            if saved.get("key") == key and time.time() - saved.get("at", 0) < 86400:
                return bool(saved["works"])
        except (OSError, ValueError, KeyError, AttributeError):
            pass
    works = _bwrap_works(path)
    if cache is not None:
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"key": key, "at": time.time(), "works": works}))
            tmp.replace(cache)
    return works


@functools.cache
def isolation() -> Isolation:
    """What this machine offers, probed once per process. ``LADDER_SANDBOX=none``
    turns bubblewrap and cgroups off (to test the fallback)."""
    if os.environ.get("LADDER_SANDBOX") == "none" or not sys.platform.startswith("linux"):
        return Isolation(None, None, sys.platform)
    bwrap = shutil.which("bwrap")
    if bwrap and not _bwrap_works_cached(bwrap):
        bwrap = None
    return Isolation(bwrap, _Cgroup.probe(), sys.platform)


# --------------------------------------------------------------------------- cgroups


class _Cgroup:
    """A fresh control group for one child, under the group this process is in."""

    V2 = Path("/sys/fs/cgroup")

    def __init__(self, dirs: dict[str, Path], version: str) -> None:
        self.dirs, self.version = dirs, version

    @staticmethod
    def _own(controller: str | None) -> str | None:
        try:
            lines = Path("/proc/self/cgroup").read_text().splitlines()
        except OSError:
            return None
        for line in lines:
            _, ctrls, path = line.split(":", 2)
            if (controller is None and ctrls == "") or (
                controller is not None and controller in ctrls.split(",")
            ):
                return path
        return None

    @classmethod
    def _bases(cls) -> tuple[dict[str, Path], str] | None:
        controllers = cls.V2 / "cgroup.controllers"
        if controllers.is_file():
            own = cls._own(None)
            have = controllers.read_text().split()
            if own is not None and {"memory", "pids"} <= set(have):
                base = cls.V2 / own.lstrip("/")
                return {"memory": base, "pids": base}, "v2"
            return None
        dirs = {}
        for ctrl in ("memory", "pids"):
            own = cls._own(ctrl)
            root = cls.V2 / ctrl
            if own is None or not root.is_dir():
                return None
            dirs[ctrl] = root / own.lstrip("/")
        return dirs, "v1"

    @classmethod
    def probe(cls) -> str | None:
        try:
            group = cls.create(64 * 1024 * 1024, 8)
        except OSError:
            return None
        if group is None:
            return None
        group.remove()
        return group.version

    @classmethod
    def create(cls, memory_bytes: int, max_pids: int) -> _Cgroup | None:
        found = cls._bases()
        if found is None:
            return None
        bases, version = found
        name = f"ladder-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        dirs = {ctrl: base / name for ctrl, base in bases.items()}
        made: list[Path] = []
        try:
            for d in dict.fromkeys(dirs.values()):
                d.mkdir()
                made.append(d)
            if version == "v2":
                (dirs["memory"] / "memory.max").write_text(str(memory_bytes))
                with contextlib.suppress(OSError):
                    (dirs["memory"] / "memory.swap.max").write_text("0")
                (dirs["pids"] / "pids.max").write_text(str(max_pids))
            else:
                (dirs["memory"] / "memory.limit_in_bytes").write_text(str(memory_bytes))
                with contextlib.suppress(OSError):
                    (dirs["memory"] / "memory.memsw.limit_in_bytes").write_text(str(memory_bytes))
                (dirs["pids"] / "pids.max").write_text(str(max_pids))
        except OSError:
            for d in reversed(made):
                with contextlib.suppress(OSError):
                    d.rmdir()
            raise
        return cls(dirs, version)

    def procs_files(self) -> list[str]:
        return [str(d / "cgroup.procs") for d in dict.fromkeys(self.dirs.values())]

    def pids(self) -> set[int]:
        out: set[int] = set()
        for f in self.procs_files():
            with contextlib.suppress(OSError, ValueError):
                out |= {int(p) for p in Path(f).read_text().split()}
        return out

    def oom_killed(self) -> bool:
        d = self.dirs["memory"]
        try:
            if self.version == "v2":
                text = (d / "memory.events").read_text()
            else:
                text = (d / "memory.oom_control").read_text()
        except OSError:
            return False
        for line in text.splitlines():
            key, _, value = line.partition(" ")
            if key in ("oom_kill", "oom") and value.strip().isdigit() and int(value) > 0:
                return True
        return False

    def peak_bytes(self) -> int:
        d = self.dirs["memory"]
        name = "memory.peak" if self.version == "v2" else "memory.max_usage_in_bytes"
        try:
            return int((d / name).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return 0

    def kill_all(self) -> None:
        for _ in range(50):
            pids = self.pids()
            if not pids:
                return
            for pid in pids:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.01)

    def remove(self) -> None:
        for d in dict.fromkeys(self.dirs.values()):
            for _ in range(100):
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.01)


# ---------------------------------------------------------------------------- output


class OutputTail:
    """Reads a pipe to its end, keeping only the first and the last lines (bounded)."""

    def __init__(self, fd: int, head_bytes: int = 4096, tail_bytes: int = 8192) -> None:
        self.fd, self.head_bytes, self.tail_bytes = fd, head_bytes, tail_bytes
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.total += len(chunk)
            room = self.head_bytes - len(self.head)
            if room > 0:
                self.head += chunk[:room]
                chunk = chunk[room:]
            if chunk:
                self.tail += chunk
                if len(self.tail) > 2 * self.tail_bytes:
                    del self.tail[: len(self.tail) - self.tail_bytes]
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def text(self, lines: int = 10, width: int = 300) -> str:
        """The first and last ``lines`` lines of what was printed."""
        self.thread.join(timeout=1.0)
        cut = self.total > len(self.head) + len(self.tail)
        if not cut:
            all_lines = (
                bytes(self.head + self.tail).decode("utf-8", "replace").rstrip().splitlines()
            )
        else:
            head_lines = bytes(self.head).decode("utf-8", "replace").splitlines()
            tail_lines = bytes(self.tail).decode("utf-8", "replace").rstrip().splitlines()[1:]
            all_lines = head_lines[:-1] + ["… (output cut) …"] + tail_lines
        all_lines = [line[:width] for line in all_lines]
        if len(all_lines) > 2 * lines:
            skipped = len(all_lines) - 2 * lines
            all_lines = all_lines[:lines] + [f"… {skipped} more lines …"] + all_lines[-lines:]
        return "\n".join(all_lines)


# ---------------------------------------------------------------------------- sandbox


_LAUNCH = """
import json, os, resource, sys
spec = json.loads(sys.argv[1])
for path in spec["cgroup_procs"]:
    with open(path, "w") as fh:
        fh.write(str(os.getpid()))
for what, value in ((resource.RLIMIT_AS, spec["as"]), (resource.RLIMIT_CORE, 0),
                    (resource.RLIMIT_FSIZE, spec["fsize"]), (resource.RLIMIT_NPROC, spec["nproc"])):
    if value is not None:
        try:
            resource.setrlimit(what, (value, value))
        except (ValueError, OSError):
            pass
os.execv(spec["argv"][0], spec["argv"])
"""


@dataclass
class Sandbox:
    """One contained child process running ``python -m ladder.study.child``.

    ``to_child``/``from_child`` are this side's ends of the two pipes the child speaks
    the wire protocol on; ``output`` collects what it prints.
    """

    memory_mb: int
    proc: subprocess.Popen | None = None
    to_child: int = -1
    from_child: int = -1
    output: OutputTail | None = None
    cgroup: _Cgroup | None = None
    workdir: tempfile.TemporaryDirectory | None = None
    marker: str = field(default_factory=lambda: uuid.uuid4().hex)
    isolation: Isolation = field(default_factory=isolation)

    def start(self, extra_env: dict[str, str] | None = None) -> None:
        iso = self.isolation
        memory = self.memory_mb * 1024 * 1024
        if iso.cgroup:
            try:
                # The tree's limit leaves room for the sandbox's own small processes.
                self.cgroup = _Cgroup.create(memory + 64 * 1024 * 1024, MAX_PROCESSES)
            except OSError:
                self.cgroup = None
        req_r, req_w = os.pipe()  # trusted -> child
        rep_r, rep_w = os.pipe()  # child -> trusted
        out_r, out_w = os.pipe()
        env = {
            **os.environ,
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONHASHSEED": "0",
            "PYTHONUNBUFFERED": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "MPLBACKEND": "Agg",
            "LADDER_SANDBOX_MARKER": self.marker,
            **(extra_env or {}),
        }
        for key in ("LADDER_WORKSPACE", "PYTHONSTARTUP", "PYTHONINSPECT"):
            env.pop(key, None)
        if env.get("PYTHONPATH"):  # the child starts elsewhere: relative entries would move
            env["PYTHONPATH"] = os.pathsep.join(
                os.path.abspath(p) for p in env["PYTHONPATH"].split(os.pathsep) if p
            )
        child = [sys.executable, "-m", "ladder.study.child", str(req_r), str(rep_w)]
        if iso.bubblewrap:
            env.update(HOME="/tmp", TMPDIR="/tmp", MPLCONFIGDIR="/tmp")
            argv = [
                iso.bubblewrap,
                "--ro-bind",
                "/",
                "/",
                "--dev",
                "/dev",
                "--proc",
                "/proc",
                "--size",
                str(TMPFS_BYTES),
                "--tmpfs",
                "/tmp",
                "--chdir",
                "/tmp",
                "--unshare-all",
                "--die-with-parent",
                "--new-session",
                *child,
            ]
            cwd = "/"
        else:
            self.workdir = tempfile.TemporaryDirectory(prefix="ladder-check-")
            cwd = self.workdir.name
            env.update(HOME=cwd, TMPDIR=cwd, MPLCONFIGDIR=cwd)
            argv = child
        limits = {
            "cgroup_procs": self.cgroup.procs_files() if self.cgroup else [],
            # With a cgroup, the tree's limit is the cgroup's: going over it ends the
            # process (reported as memory, even for code that catches MemoryError and
            # tries again); the address-space limit stays as a guard against absurd
            # requests. Without one, the per-process limit is the limit.
            "as": self.memory_mb * 1024 * 1024 * (4 if self.cgroup else 1),
            "fsize": FILE_BYTES,
            "nproc": None if os.geteuid() == 0 else _processes_of(os.getuid()) + MAX_PROCESSES,
            "argv": argv,
        }
        try:
            # A tiny launcher applies the limits and joins the cgroup, then becomes the
            # sandbox: everything it starts inherits both (no preexec_fn, which is unsafe
            # in a threaded server).
            self.proc = subprocess.Popen(
                [sys.executable, "-S", "-c", _LAUNCH, json.dumps(limits)],
                stdin=subprocess.DEVNULL,
                stdout=out_w,
                stderr=out_w,
                cwd=cwd,
                env=env,
                pass_fds=(req_r, rep_w),
                start_new_session=True,
            )
        finally:
            for fd in (req_r, rep_w, out_w):
                os.close(fd)
        self.to_child, self.from_child = req_w, rep_r
        self.output = OutputTail(out_r)

    # -- ending ---------------------------------------------------------------------

    def exit_status(self, wait: float = 0.0) -> int | None:
        """The child's exit status as Popen reports it (negative: a signal), or None."""
        if self.proc is None:
            return None
        try:
            code = self.proc.wait(timeout=wait) if wait else self.proc.poll()
        except subprocess.TimeoutExpired:
            return None
        if code is not None and self.isolation.bubblewrap and code > 128:
            return -(code - 128)  # bwrap reports a signal as 128 + its number
        return code

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the sandbox's processes."""
        if self.proc is None:
            return 0.0
        pids = self.cgroup.pids() if self.cgroup is not None else _tree(self.proc.pid)
        ticks = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
            except (OSError, IndexError, ValueError):
                continue
        return ticks / _TICKS

    def memory_trouble(self) -> bool:
        """Whether the tree ran into its memory limit: the cgroup's OOM killer acted, or a
        process's address space reached its limit (where ``MemoryError`` comes from)."""
        if self.cgroup is not None and self.cgroup.oom_killed():
            return True
        if self.proc is None:
            return False
        pids = self.cgroup.pids() if self.cgroup is not None else _tree(self.proc.pid)
        limit_kb = self.memory_mb * 1024
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmPeak:"):
                    if int(line.split()[1]) >= 0.95 * limit_kb:
                        return True
        return False

    def close(self) -> None:
        """End every process of the sandbox and release what it held."""
        for fd in (self.to_child, self.from_child):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.to_child = self.from_child = -1
        if self.proc is not None:
            if self.proc.poll() is None:
                with contextlib.suppress(OSError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                with contextlib.suppress(OSError):
                    self.proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=5)
        if self.cgroup is not None:
            self.cgroup.kill_all()
        if not self.isolation.bubblewrap:
            _kill_marked(self.marker)
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None
        if self.output is not None:
            self.output.thread.join(timeout=2)
        if self.workdir is not None:
            with contextlib.suppress(OSError):
                self.workdir.cleanup()
            self.workdir = None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _tree(root: int) -> set[int]:
    """``root`` and its descendants, from /proc (empty where there is no /proc)."""
    parents: dict[int, int] = {}
    if not Path("/proc").is_dir():
        return set()
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in found:
                found.add(child)
                frontier.append(child)
    return found


def _processes_of(uid: int) -> int:
    n = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if entry.stat().st_uid == uid:
                    n += 1
    return n


def _kill_marked(marker: str) -> None:
    """Without a PID namespace: end every process whose environment carries the
    sandbox's marker (children that left the session with ``setsid`` included)."""
    if not Path("/proc").is_dir():
        return
    needle = f"LADDER_SANDBOX_MARKER={marker}".encode()
    for _ in range(20):
        found = False
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/environ", "rb") as fh:
                    env = fh.read()
            except OSError:
                continue
            if needle in env.split(b"\0"):
                found = True
                with contextlib.suppress(OSError):
                    os.kill(int(entry.name), signal.SIGKILL)
        if not found:
            return
        time.sleep(0.02)
