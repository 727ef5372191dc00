"""Shared test set-up: real datasets come from ../shared/data through ladder.data."""

from __future__ import annotations

import os
import random
import sys
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"

# Tests never download: point ladder.data at the shared copies and forbid the network.
if SHARED_DATA.is_dir():
    os.environ.setdefault("LADDER_DATA_PATH", str(SHARED_DATA))
os.environ["LADDER_OFFLINE"] = "1"
# Caches and registered datasets go to a throw-away home, never the user's.
os.environ.setdefault("LADDER_HOME", tempfile.mkdtemp(prefix="ladder-test-home-"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


# Hypothesis profiles. "ci" (what .ci/run selects) replays the same examples on every run:
# derandomize=True derives the examples from each test's source instead of a random seed,
# so a CI run cannot fail on a draw the previous run did not make; no deadline (a loaded
# shared machine makes any per-example time limit flaky) and no too_slow health check for
# the same reason; print_blob=True prints the @reproduce_failure blob of any failure.
# "dev" (the default for local runs) keeps Hypothesis's random exploration, which is how
# new falsifying examples are found; add each one to its test as an @example.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=30,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _same_global_random_state(request):
    """Every test starts from its own fixed global random state, whatever ran before it:
    a torch layer built without a seed (its weights come from torch's global generator), or
    Python's and NumPy's global generators, would otherwise get other numbers when tests
    are selected, reordered or added. The seed is derived from the test's id, so it is the
    same on every run."""
    seed = zlib.crc32(request.node.nodeid.encode())
    random.seed(seed)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(seed)
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(seed)


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Every test starts on one torch thread, whatever ran before it (in this process or,
    with pytest-xdist, in another order): a float32 training's last digits move with the
    thread count, and the lessons' numbers are measured on one. A test that wants more
    sets them itself (tests/labs checks that every lab puts back the count it found)."""
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"the shared datasets are missing: expected them at {SHARED_DATA}")
    return SHARED_DATA


# A parity test skipped because its reference library does not import has checked
# nothing: count every such skip and fail the run (the set-up installs them all).
_missing_references: list[str] = []


def _note_import_skip(report) -> None:
    if report.skipped and "could not import" in str(report.longrepr):
        _missing_references.append(report.nodeid)


def pytest_collectreport(report):
    _note_import_skip(report)


def pytest_runtest_logreport(report):
    _note_import_skip(report)


def pytest_sessionfinish(session, exitstatus):
    if _missing_references:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if _missing_references:
        terminalreporter.write_line(
            f"FAILED: {len(_missing_references)} test(s) skipped because a reference library did "
            f"not import (install the [all] extra): {', '.join(_missing_references[:5])}",
            red=True,
        )
