"""Run this area's tests on one torch thread.

The models here are tiny, so a second thread buys little, and on a shared CPU that other
test processes also use, two threads per process oversubscribe the cores and make each
small op wait on thread hand-offs. The previous setting is restored after each test.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _one_torch_thread():
    try:
        import torch
    except ImportError:  # the tests that need torch skip themselves
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
