"""The FastAPI application: ``create_app(root, curriculum, token)``.

The app holds no logic of its own (DESIGN §2): each route opens the workspace's progress
store, calls :mod:`ladder.study.session` (the same service as the CLI), and renders a
Jinja2 template. A :class:`~ladder.study.store.Store` (one SQLite connection) is opened
per request and closed after it, so no connection is ever shared by two threads at
once; SQLite's WAL journal and ``BEGIN IMMEDIATE`` transactions serialise the writers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ladder.curriculum import Curriculum
from ladder.study.session import Invalid, Refused
from ladder.study.store import StoreError
from ladder.study.workspace import Workspace
from ladder.web import labs, learning, pages, review, tools
from ladder.web.context import HERE, WebContext, now_utc, render
from ladder.web.security import LOOPBACK_NAMES, Guard, Keys

__all__ = ["create_app"]


def _error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {
        400: "Bad request",
        403: "Refused",
        404: "Not found",
        409: "Not possible now",
        500: "Something went wrong",
        503: "Your progress database needs attention",
    }
    if getattr(request.state, "session", None) is None:  # cannot happen behind the Guard
        return HTMLResponse(message, status)
    if "application/json" in request.headers.get("accept", ""):  # the editor's requests
        from fastapi.responses import JSONResponse

        return JSONResponse({"error": message}, status)  # type: ignore[return-value]
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

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.ladder.warm.close()  # end the sandboxes kept ready for the next check

    app = FastAPI(
        title="Ladder", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    ctx = WebContext(curriculum, workspace, Keys(token), now)
    ctx.jobs = labs.LabJobs(ctx)
    from ladder.study.grader import WarmGrader

    ctx.warm = WarmGrader()
    app.state.ladder = ctx

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        return _error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> HTMLResponse:
        return _error_page(request, 503, str(exc))

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> HTMLResponse:
        return _error_page(request, 400 if isinstance(exc, Invalid) else 409, str(exc))

    app.include_router(pages.router)
    app.include_router(review.router)
    app.include_router(labs.router)
    app.include_router(tools.router)
    app.include_router(learning.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    hosts = list(LOOPBACK_NAMES) + [h.lower() for h in (allowed_hosts or [])]
    app.add_middleware(Guard, keys=ctx.keys, allowed_hosts=hosts, check_host=check_host)
    return app
