"""Shared test set-up: real datasets come from ../shared/data through ladder.data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

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


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"the shared datasets are missing: expected them at {SHARED_DATA}")
    return SHARED_DATA
