"""The FastAPI application: ``create_app(root, curriculum, token)``.

The app holds no logic of its own (DESIGN §2): each route opens the workspace's progress
store, calls the same :mod:`ladder.study` functions as the CLI, and renders a Jinja2
template. A :class:`~ladder.study.store.Store` (one SQLite connection) is opened per
request and closed after it, so no connection is ever shared by two threads at once;
SQLite's WAL journal and ``BEGIN IMMEDIATE`` transactions serialise the writers.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ladder.curriculum import Curriculum
from ladder.study.store import Store, StoreError
from ladder.study.workspace import Workspace
from ladder.web.security import LOOPBACK_NAMES, Guard, Keys, csrf_token_of

__all__ = ["WebContext", "create_app", "get_ctx", "get_store", "render", "now_utc"]

HERE = Path(__file__).resolve().parent
BACKUP_CHECK_S = 60.0
STATE_LABEL = {
    "passed": "passed",
    "incorrect": "incorrect",
    "could_not_check": "could not check",
    "not_attempted": "not attempted",
    "not_started": "not started",
}


def when(iso: str | None) -> str:
    """``2026-03-01T09:00:00+00:00`` → ``2026-03-01 09:00 UTC`` (stored times are UTC)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def now_utc() -> datetime:
    """The time used for scheduling; ``LADDER_NOW`` pretends, exactly as in the CLI."""
    fixed = os.environ.get("LADDER_NOW")
    return datetime.fromisoformat(fixed).astimezone(UTC) if fixed else datetime.now(UTC)


@dataclass
class WebContext:
    """What every request needs: the course, the workspace, the keys and the lab jobs."""

    curriculum: Curriculum
    workspace: Workspace
    keys: Keys
    now: Callable[[], datetime] = now_utc
    jobs: Any = None  # ladder.web.labs.LabJobs, set by create_app
    extra: dict[str, Any] = field(default_factory=dict)
    _backup_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _backup_tried: float = float("-inf")

    def open_store(self, backup: bool = False) -> Store:
        return Store.open(self.workspace.db_path, backup=backup)

    def backup_turn(self) -> bool:
        """True at most once a minute: the request that should check whether a rolling
        backup is due (a burst of POSTs must not copy the database fifty times)."""
        with self._backup_lock:
            if time.monotonic() - self._backup_tried < BACKUP_CHECK_S:
                return False
            self._backup_tried = time.monotonic()
            return True


def get_ctx(request: Request) -> WebContext:
    return request.app.state.ladder


def get_store(request: Request) -> Iterator[Store]:
    """A store for this request only (POSTs also take a rolling backup when one is due)."""
    ctx = get_ctx(request)
    store = ctx.open_store(backup=request.method == "POST" and ctx.backup_turn())
    try:
        yield store
    finally:
        store.close()


StoreDep = Depends(get_store)
_templates: Jinja2Templates | None = None


def templates() -> Jinja2Templates:
    global _templates
    if _templates is None:
        from ladder.web.render import inline_markdown

        _templates = Jinja2Templates(directory=str(HERE / "templates"))
        env = _templates.env
        env.filters["md"] = inline_markdown
        env.filters["when"] = when
        env.globals["STATE_LABEL"] = STATE_LABEL
        env.trim_blocks = True
        env.lstrip_blocks = True
    return _templates


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``templates/name`` with the CSRF token and the navigation counts."""
    context.setdefault("nav", None)
    return templates().TemplateResponse(
        request, name, {"csrf": csrf_token_of(request), **context}, status_code=status_code
    )


def _error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {
        400: "Bad request",
        403: "Refused",
        404: "Not found",
        409: "Not possible now",
        500: "Something went wrong",
    }
    if getattr(request.state, "session", None) is None:  # cannot happen behind the Guard
        return HTMLResponse(message, status)
    return render(
        request,
        "error.html",
        status,
        title=titles.get(status, "Error"),
        message=message,
        status=status,
    )


def create_app(
    root: Path,
    curriculum: Curriculum | None = None,
    *,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    check_host: bool = True,
    now: Callable[[], datetime] = now_utc,
) -> FastAPI:
    """The web app for the workspace at ``root``.

    ``token`` is the access token (random when None: read it from ``app.state.ladder.keys``);
    ``allowed_hosts`` extends the loopback names the Host header may carry.
    """
    from ladder.web import labs, pages, review

    if curriculum is None:
        from ladder.curriculum import load_curriculum

        curriculum = load_curriculum()
    workspace = Workspace(Path(root).expanduser().resolve())
    if not workspace.state_dir.is_dir():
        raise FileNotFoundError(
            f"{workspace.root} is not a Ladder workspace: run `ladder init {workspace.root}` first."
        )
    workspace.store.backup_if_due()  # the same check the CLI does on open
    workspace.close()

    app = FastAPI(title="Ladder", docs_url=None, redoc_url=None, openapi_url=None)
    ctx = WebContext(curriculum, workspace, Keys(token), now)
    ctx.jobs = labs.LabJobs(ctx)
    app.state.ladder = ctx

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        return _error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> HTMLResponse:
        return _error_page(request, 503, str(exc))

    app.include_router(pages.router)
    app.include_router(review.router)
    app.include_router(labs.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    hosts = list(LOOPBACK_NAMES) + [h.lower() for h in (allowed_hosts or [])]
    app.add_middleware(Guard, keys=ctx.keys, allowed_hosts=hosts, check_host=check_host)
    return app
