"""What every real-browser test shares: Debian's Chromium driven by Playwright, and
``ladder serve`` started in a workspace on a free port."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Browser tests are slow end-to-end runs, and need Chromium (`.ci/run` installs it).
marks = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium is not installed at /usr/bin/chromium "
        "(apt-get install chromium); the browser tests need it",
    ),
]


def first_line(proc, timeout: float = 300.0) -> str:
    """The first line a child process prints, or "" if none comes within ``timeout``
    (so a server that hangs fails the test instead of blocking it)."""
    import select

    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline().strip() if ready else ""


@contextmanager
def serving(root: Path, **env: str) -> Iterator[str]:
    """``ladder serve --no-browser --port 0`` in ``root`` (extra environment ``env``);
    yields the URL it prints, and fails the test if the server wrote a traceback."""
    full = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **env}
    full.pop("LADDER_WORKSPACE", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "ladder", "serve", "--no-browser", "--port", "0"],
        cwd=root,
        env=full,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = first_line(proc)
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        pytest.fail(f"ladder serve did not print its URL: {url!r} {proc.stderr.read()}")
    yield url
    proc.terminate()
    _out, err = proc.communicate(timeout=120)
    assert "Traceback" not in err, err


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium through Playwright."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
