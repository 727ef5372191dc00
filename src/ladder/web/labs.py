"""Labs in the browser: start one, watch it live (server-sent events), read its results.

A lab runs in a background thread through :func:`ladder.study.labs.run_lab` — the
function ``ladder run`` calls — with an ``on_event`` that appends each event (progress,
log, metric, table, figure, end; see :class:`ladder.labs.context.LabContext`) to the
job. ``GET /labs/jobs/{id}/events`` streams them as ``text/event-stream``; each carries
its index as the SSE ``id``, so a reconnecting browser (``Last-Event-ID``) misses
nothing and sees nothing twice. One lab runs at a time (they share matplotlib and the
CPU). Results are read back from ``runs/<lab>/<time>/metrics.json``; plots are served
only from the workspace's ``runs/`` folder, for lab ids of the curriculum.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, StreamingResponse

from ladder.curriculum import Lab
from ladder.study.store import Store
from ladder.web.context import StoreDep, WebContext, get_ctx, nav_counts, render
from ladder.web.security import require_csrf

__all__ = ["router", "LabJob", "LabJobs", "past_runs"]

router = APIRouter()
PLOT = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.png$")
HEARTBEAT_S = 15.0


def _plain(value: Any) -> Any:
    """NumPy scalars and paths in lab events, as JSON can carry them."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


@dataclass
class LabJob:
    id: str
    lab: Lab
    quick: bool
    events: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    status: str | None = None
    result_url: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def push(self, event: dict[str, Any]) -> None:
        event = dict(event)
        if event.get("type") == "figure":
            p = Path(event.pop("path"))
            event["url"] = f"/labs/{self.lab.id}/runs/{p.parent.name}/{p.name}"
        if event.get("type") == "end":
            self.status = event.get("status")
            if event.get("out_dir"):
                self.result_url = f"/labs/{self.lab.id}/runs/{Path(event['out_dir']).name}"
                event["url"] = self.result_url
            event.pop("out_dir", None)  # no absolute paths to the page
        with self._lock:
            self.events.append(json.loads(json.dumps(event, default=_plain)))

    def since(self, index: int) -> tuple[list[dict[str, Any]], bool]:
        with self._lock:
            return self.events[index:], self.finished


class LabJobs:
    """The lab runs of this server process; at most one runs at a time."""

    def __init__(self, ctx: WebContext) -> None:
        self.ctx = ctx
        self.jobs: dict[str, LabJob] = {}
        self.running: LabJob | None = None
        self._lock = threading.Lock()

    def start(self, lab: Lab, quick: bool = False) -> LabJob:
        with self._lock:
            if self.running is not None and not self.running.finished:
                if self.running.lab.id == lab.id:
                    return self.running
                raise HTTPException(
                    409,
                    f"The lab {self.running.lab.id} is still running; "
                    "start this one when it has finished.",
                )
            job = LabJob(secrets.token_hex(8), lab, quick)
            self.jobs[job.id] = job
            self.running = job
        threading.Thread(target=self._run, args=(job,), name=f"lab-{lab.id}", daemon=True).start()
        return job

    def _run(self, job: LabJob) -> None:
        from ladder.study.labs import run_lab

        store = None
        try:
            store = self.ctx.open_store()
            run_lab(
                job.lab,
                self.ctx.workspace.runs_dir,
                on_event=job.push,
                quick=job.quick,
                store=store,
            )
        except Exception as exc:  # noqa: BLE001 - reported to the page, never fatal
            job.push({"type": "end", "status": "failed", "error": f"{type(exc).__name__}: {exc}"})
        finally:
            if store is not None:
                store.close()
            with job._lock:
                job.finished = True


def _lab(ctx: WebContext, lab_id: str) -> Lab:
    if lab_id not in ctx.curriculum.labs:
        raise HTTPException(404, f"There is no lab {lab_id!r}.")
    return ctx.curriculum.labs[lab_id]


def past_runs(ctx: WebContext, lab: Lab, limit: int = 5) -> list[dict[str, Any]]:
    """The newest runs of ``lab``: stamp, status, seconds (``ladder.study.labs`` reads
    the run folders)."""
    from ladder.study.labs import past_runs as runs_of

    return [
        {
            "stamp": r.name,
            "status": r.status,
            "seconds": r.seconds,
            "started": r.started,
            "quick": r.quick,
        }
        for r in runs_of(ctx.workspace.runs_dir, lab.id, limit)
    ]


@router.get("/labs", response_class=HTMLResponse)
def labs_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    ctx = get_ctx(request)
    rows = [
        (lab, ctx.curriculum.lessons.get(lab.lesson), past_runs(ctx, lab, 1))
        for lesson in ctx.curriculum.ordered_lessons()
        for lab in ctx.curriculum.labs_of(lesson.id)
    ]
    return render(
        request,
        "labs.html",
        rows=rows,
        running=ctx.jobs.running,
        nav=nav_counts(ctx, store),
        page="labs",
    )


@router.get("/labs/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str, store: Store = StoreDep) -> HTMLResponse:
    ctx = get_ctx(request)
    job = ctx.jobs.jobs.get(job_id)
    if job is None:
        raise HTTPException(
            404, f"There is no lab run {job_id!r} (runs are forgotten when the server stops)."
        )
    return render(
        request, "lab_job.html", job=job, lab=job.lab, nav=nav_counts(ctx, store), page="labs"
    )


@router.get("/labs/jobs/{job_id}/events")
async def job_events(request: Request, job_id: str) -> StreamingResponse:
    ctx = get_ctx(request)
    job = ctx.jobs.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"There is no lab run {job_id!r}.")
    last = request.headers.get("last-event-id", "")
    start = int(last) + 1 if last.isdigit() else 0

    async def stream():
        index, idle = start, 0.0
        yield "retry: 1000\n\n"
        while True:
            events, finished = job.since(index)
            for event in events:
                yield f"id: {index}\ndata: {json.dumps(event)}\n\n"
                index += 1
            if finished and not events:
                return
            if events:
                idle = 0.0
            elif idle >= HEARTBEAT_S:
                idle = 0.0
                yield ": still running\n\n"
            if await request.is_disconnected():
                return
            await asyncio.sleep(0.1)
            idle += 0.1

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"}
    )


@router.get("/labs/{lab_id}", response_class=HTMLResponse)
def lab_page(request: Request, lab_id: str, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.labs import data_needs

    ctx = get_ctx(request)
    lab = _lab(ctx, lab_id)
    running = ctx.jobs.running if ctx.jobs.running and not ctx.jobs.running.finished else None
    return render(
        request,
        "lab.html",
        lab=lab,
        lesson=ctx.curriculum.lessons.get(lab.lesson),
        needs=data_needs(lab),
        runs=past_runs(ctx, lab, 10),
        running=running,
        nav=nav_counts(ctx, store),
        page="labs",
    )


@router.post("/labs/{lab_id}/start", dependencies=[Depends(require_csrf)])
def start_lab(request: Request, lab_id: str, quick: str | None = Form(None)) -> RedirectResponse:
    ctx = get_ctx(request)
    job = ctx.jobs.start(_lab(ctx, lab_id), quick=quick is not None)
    return RedirectResponse(f"/labs/jobs/{job.id}", status_code=303)


def _run_dir(ctx: WebContext, lab: Lab, stamp: str) -> Path:
    from ladder.study.labs import find_run

    folder = find_run(ctx.workspace.runs_dir, lab.id, stamp)
    if folder is None:
        raise HTTPException(404, f"There is no run {stamp!r} of {lab.id}.")
    return folder


@router.get("/labs/{lab_id}/runs/{stamp}", response_class=HTMLResponse)
def run_page(request: Request, lab_id: str, stamp: str, store: Store = StoreDep) -> HTMLResponse:
    ctx = get_ctx(request)
    lab = _lab(ctx, lab_id)
    data = json.loads((_run_dir(ctx, lab, stamp) / "metrics.json").read_text("utf-8"))
    figures = [f for f in data.get("figures", []) if PLOT.match(f)]
    metrics = data.get("metrics") or {}
    scalars = [(k, v) for k, v in metrics.items() if not isinstance(v, list | dict)]
    series = [
        (k, json.dumps(v, indent=1, default=str)[:20_000])
        for k, v in metrics.items()
        if isinstance(v, list | dict)
    ]
    from ladder.web.learning import bands_view

    return render(
        request,
        "lab_run.html",
        lab=lab,
        stamp=stamp,
        data=data,
        figures=figures,
        scalars=scalars,
        series=series,
        bands=bands_view(ctx, lab.id, stamp),
        nav=nav_counts(ctx, store),
        page="labs",
    )


@router.get("/labs/{lab_id}/runs/{stamp}/{name}")
def plot(request: Request, lab_id: str, stamp: str, name: str) -> FileResponse:
    """A PNG of a run — only from ``runs/<lab>/<stamp>/``, whatever the name says."""
    ctx = get_ctx(request)
    lab = _lab(ctx, lab_id)
    folder = _run_dir(ctx, lab, stamp).resolve()
    path = (folder / name).resolve()
    if not PLOT.match(name) or path.parent != folder or not path.is_file():
        raise HTTPException(404, f"There is no plot {name!r} in this run.")
    root = ctx.workspace.runs_dir.resolve()
    if not path.is_relative_to(root):  # a symlinked run folder pointing elsewhere
        raise HTTPException(404, f"There is no plot {name!r} in this run.")
    return FileResponse(path, media_type="image/png")
