"""What every route needs: the request's context, its store, templates, and the numbers in
the header. Routers (:mod:`~ladder.web.pages`, :mod:`~ladder.web.review`,
:mod:`~ladder.web.labs`) import from here; :mod:`~ladder.web.app` imports them. Imports
run one way: app → routers → context → :mod:`ladder.study`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ladder.curriculum import Curriculum
from ladder.study.session import STATE_LABEL
from ladder.study.store import Store
from ladder.study.workspace import Workspace
from ladder.web.security import Keys, csrf_token_of

__all__ = [
    "WebContext",
    "get_ctx",
    "get_store",
    "StoreDep",
    "render",
    "now_utc",
    "nav_counts",
    "step_link",
    "HERE",
]

HERE = Path(__file__).resolve().parent
BACKUP_CHECK_S = 60.0


def when(iso: str | None) -> str:
    """``2026-03-01T09:00:00+00:00`` → ``2026-03-01 09:00 UTC`` (stored times are UTC)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def now_utc() -> datetime:
    """The time used for scheduling (``ladder.study.session.now``, the CLI's clock)."""
    from ladder.study.session import now

    return now()


@dataclass
class WebContext:
    """What every request needs: the course, the workspace, the keys and the lab jobs."""

    curriculum: Curriculum
    workspace: Workspace
    keys: Keys
    now: Callable[[], datetime] = now_utc
    jobs: Any = None  # ladder.web.labs.LabJobs, set by create_app
    warm: Any = None  # ladder.study.grader.WarmGrader: the next check's sandbox, ready
    tutor: Any = None  # ladder.projects.tutor.Tutor, loaded on the first question
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
        from ladder.study.labs import human_number
        from ladder.web.render import inline_markdown

        _templates = Jinja2Templates(directory=str(HERE / "templates"))
        env = _templates.env
        from markupsafe import Markup

        # markdown-it escapes any HTML in the text (html=False), so its output is safe;
        # Markup keeps Jinja from escaping the MathML and emphasis it made
        env.filters["md"] = lambda text: Markup(inline_markdown(text or ""))
        env.filters["when"] = when
        env.filters["num"] = human_number
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


def nav_counts(ctx: WebContext, store: Store, now: datetime | None = None) -> dict[str, int]:
    """The numbers in the header: cards due now (reviews), new cards waiting, and passed
    exercises due to be written again."""
    from ladder.study.memory import Memory
    from ladder.study.recall import due_exercises

    at = now or ctx.now()
    queue = Memory(ctx.curriculum, store).queue(at)
    due = sum(1 for d in queue if not d.is_new)
    exercises = len(due_exercises(ctx.curriculum, store, at))
    return {
        "due": due,
        "new": len(queue) - due,
        "exercises": exercises,
        "queue": len(queue) + exercises,
    }


def step_link(kind: str, target: str | None) -> str:
    return {
        "review": "/review",
        "learn": f"/lessons/{target}",
        "exercise": f"/exercises/{target}",
        "lab": f"/labs/{target}",
        "done": "/stats",
    }.get(kind, "/")
