"""Fixtures for the learning engine: a fresh workspace at a fixed time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ladder.curriculum import Curriculum, load_curriculum
from ladder.study.workspace import Workspace

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

MSE_RIGHT = """import numpy as np

def mean_squared_error(y_true, y_pred):
    d = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(d ** 2))
"""
MSE_WRONG = """import numpy as np

def mean_squared_error(y_true, y_pred):
    return float(np.sum((np.asarray(y_true) - np.asarray(y_pred)) ** 2))
"""


@pytest.fixture(scope="session")
def cur() -> Curriculum:
    return load_curriculum()


@pytest.fixture
def ws(tmp_path: Path, cur: Curriculum):
    Workspace.init(tmp_path / "work", cur)
    w = Workspace(tmp_path / "work")
    yield w
    w.close()
