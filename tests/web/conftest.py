"""Fixtures for the web app: a fresh workspace, a logged-in client, a real server."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn, …) is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from ladder.curriculum import Curriculum, load_curriculum  # noqa: E402
from ladder.study.store import Store  # noqa: E402
from ladder.study.workspace import Workspace  # noqa: E402
from ladder.web.app import create_app  # noqa: E402

TOKEN = "test-token-0123456789"
BASE = "http://127.0.0.1:8765"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LESSON = "ml.linear-regression"
EXERCISE = "ml.mse"
LAB = "ml.linear-regression-diabetes"
CARD = "ml.ls-objective"

MSE_WRONG = """import numpy as np

def mean_squared_error(y_true, y_pred):
    return float(np.sum((np.asarray(y_true) - np.asarray(y_pred)) ** 2))
"""
MSE_RIGHT = """import numpy as np

def mean_squared_error(y_true, y_pred):
    d = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(d ** 2))
"""


def csrf_of(html: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([^"]+)">', html).group(1)


@dataclass
class Client:
    """A TestClient that has opened the token URL, with the session's CSRF token."""

    http: TestClient
    csrf: str
    root: Path

    def get(self, path: str, **kw):
        return self.http.get(path, **kw)

    def post(self, path: str, data: dict | None = None, csrf: bool = True, **kw):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = self.csrf
        return self.http.post(path, data=data, **kw)

    def store(self) -> Store:
        return Store.open(self.root / ".ladder" / "ladder.db", backup=False)


def login(app, root: Path) -> Client:
    http = TestClient(app, base_url=BASE)
    page = http.get(f"/?token={TOKEN}")
    assert page.status_code == 200, page.text
    return Client(http, csrf_of(page.text), root)


@pytest.fixture(scope="session")
def curriculum() -> Curriculum:
    return load_curriculum()


@pytest.fixture
def workspace(tmp_path, curriculum) -> Path:
    Workspace.init(tmp_path / "ws", curriculum)
    return tmp_path / "ws"


@pytest.fixture
def app(workspace, curriculum):
    return create_app(workspace, curriculum, token=TOKEN, now=lambda: NOW)


@pytest.fixture
def client(app, workspace) -> Client:
    return login(app, workspace)


@pytest.fixture
def live_server(app) -> Iterator[str]:
    """The same app behind a real uvicorn server on a free port; yields its base URL."""
    import uvicorn

    from ladder.web.server import bind

    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120  # bounds a hang; start-up takes milliseconds unloaded
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(60)
    sock.close()
