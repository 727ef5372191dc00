"""Every lab runs in the process that asked for it (the terminal, the web server, these
tests), so it must leave torch's global thread count as it found it."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _lab_puts_back_the_thread_count():
    try:
        import torch
    except ImportError:  # (every torch lab needs it; the NumPy labs cannot change it)
        yield
        return
    before = torch.get_num_threads()
    yield
    assert torch.get_num_threads() == before, "the lab changed torch's thread count"
