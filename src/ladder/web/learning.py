"""The learning engine in the browser — the web twins of ``ladder placement``, ``recall``,
``map`` (mastery per concept), ``notebook``, ``papers`` and ``optimize``, and the
pieces the review, stats and lab pages show (a due exercise, a lapse explained, the
analytics, the bands). Every rule is in ``ladder.study``; these routes only call it and
render. POSTs need the CSRF token and redirect back (post/redirect/get).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from ladder.curriculum import Exercise
from ladder.study.store import Store
from ladder.web.context import StoreDep, WebContext, get_ctx, nav_counts, render
from ladder.web.security import require_csrf

__all__ = ["router", "recall_page", "explain_lapse", "analytics_view", "bands_view"]

router = APIRouter()
post = APIRouter(dependencies=[Depends(require_csrf)])
RATING = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
FEED_UPLOAD = File()


def _exercise(ctx: WebContext, exercise_id: str) -> Exercise:
    if exercise_id not in ctx.curriculum.exercises:
        raise HTTPException(404, f"There is no exercise {exercise_id!r}.")
    return ctx.curriculum.exercises[exercise_id]


# -- pieces for the shared pages ----------------------------------------------------------------


def explain_lapse(ctx: WebContext, store: Store, card_id: str) -> str:
    """The sentence for the newest reviews brought forward because of ``card_id``."""
    from datetime import datetime

    from ladder.study.concepts import BroughtForward, explain

    rows = store.conn.execute(
        "SELECT item, concept, old_due, new_due, at FROM brought_forward WHERE because = ? "
        "AND at = (SELECT MAX(at) FROM brought_forward WHERE because = ?)",
        (f"card:{card_id}", f"card:{card_id}"),
    ).fetchall()
    moved = [
        BroughtForward(
            item.split(":", 1)[0],
            item.split(":", 1)[1],
            concept,
            card_id,
            datetime.fromisoformat(old),
            datetime.fromisoformat(new),
        )
        for item, concept, old, new, _at in rows
    ]
    return explain(ctx.curriculum, moved)


def recall_page(
    request: Request, store: Store, ex: Exercise, *, in_review: bool = False, result: Any = None
) -> HTMLResponse:
    """A due (or chosen) exercise to write again: start, check, hint, give up."""
    from ladder.study.recall import in_progress, rows

    ctx = get_ctx(request)
    row = rows(store).get(ex.id)
    return render(
        request,
        "recall.html",
        ex=ex,
        row=row,
        running=in_progress(store, ex.id),
        path=ctx.workspace.exercise_path(ex),
        verdict=store.last_verdict(ex.id) if row and row["started_at"] else None,
        hints=ex.hints[: store.hints_shown(ex.id)] if row and row["started_at"] else [],
        in_review=in_review,
        result=result,
        rating_names=RATING,
        nav=nav_counts(ctx, store),
        page="review",
    )


def analytics_view(ctx: WebContext, store: Store, now) -> dict[str, Any]:
    """The stats page's analytics: the report and its SVG charts."""
    from ladder.study.analytics import report
    from ladder.web.charts import hbars

    rep = report(ctx.curriculum, store, now)
    retention = [
        (ctx.curriculum.stage(s).title, round(100 * (r["retention"] or 0)), 100)
        for s, r in rep["retention_by_stage"].items()
    ]
    weakest = sorted(rep["retention_by_concept"].items(), key=lambda kv: kv[1]["retention"])[:8]
    return {
        "report": rep,
        "retention_chart": hbars(retention) if retention else "",
        "weakest": weakest,
    }


def bands_view(ctx: WebContext, lab_id: str, stamp: str) -> list[dict]:
    """The bands of one finished run, for its page."""
    from ladder.study.bands import band_text, bands_of_run
    from ladder.study.labs import find_run

    folder = find_run(ctx.workspace.runs_dir, lab_id, stamp)
    if folder is None:
        return []
    return [
        {**r.to_dict(), "band": band_text(r.low, r.high)}
        for r in bands_of_run(ctx.curriculum.labs[lab_id], folder)
        if r.status != "unchecked"
    ]


# -- recall ------------------------------------------------------------------------------------


@router.get("/recall/{exercise_id}", response_class=HTMLResponse)
def recall_get(request: Request, exercise_id: str, store: Store = StoreDep) -> HTMLResponse:
    ex = _exercise(get_ctx(request), exercise_id)
    return recall_page(request, store, ex, in_review=request.query_params.get("review") == "1")


@post.post("/recall/{exercise_id}/start")
def recall_start(request: Request, exercise_id: str, store: Store = StoreDep) -> RedirectResponse:
    from ladder.study.recall import start_recall

    ctx = get_ctx(request)
    ex = _exercise(ctx, exercise_id)
    start_recall(store, ex, ctx.workspace.exercise_path(ex), ctx.now())  # 409 if not passed yet
    return RedirectResponse(f"/recall/{ex.id}?review=1", status_code=303)


@post.post("/recall/{exercise_id}/check", response_class=HTMLResponse)
def recall_check(request: Request, exercise_id: str, store: Store = StoreDep) -> Response:
    """``ladder check ID`` during a recall: a pass ends it with its rating."""
    from ladder.study.session import check

    ctx = get_ctx(request)
    ex = _exercise(ctx, exercise_id)
    verdict = check(store, ex, ctx.workspace.exercise_path(ex), ctx.now(), warm=ctx.warm)
    result = getattr(verdict, "recall", None)
    if result is None:
        return RedirectResponse(f"/recall/{ex.id}?review=1#verdict", status_code=303)
    return recall_page(request, store, ex, in_review=True, result=result)


@post.post("/recall/{exercise_id}/hint")
def recall_hint(request: Request, exercise_id: str, store: Store = StoreDep) -> RedirectResponse:
    from ladder.study.session import reveal_hint

    ex = _exercise(get_ctx(request), exercise_id)
    reveal_hint(store, ex)
    return RedirectResponse(f"/recall/{ex.id}?review=1#hints", status_code=303)


@post.post("/recall/{exercise_id}/give-up", response_class=HTMLResponse)
def recall_give_up(request: Request, exercise_id: str, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.recall import give_up

    ctx = get_ctx(request)
    ex = _exercise(ctx, exercise_id)
    result = give_up(ctx.curriculum, store, ex, ctx.now())  # 409 when none is in progress
    return recall_page(request, store, ex, in_review=True, result=result)


# -- concepts ----------------------------------------------------------------------------------


@router.get("/concepts", response_class=HTMLResponse)
def concepts_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    """``ladder map``'s mastery per concept, with what each rests on."""
    from ladder.study.concepts import mastery

    ctx = get_ctx(request)
    rows = mastery(ctx.curriculum, store, ctx.now())
    groups: list[tuple[str, list]] = []
    for m in rows:
        title = ctx.curriculum.stage(m.stage).title if m.stage else "—"
        if not groups or groups[-1][0] != title:
            groups.append((title, []))
        groups[-1][1].append((m, ctx.curriculum.concepts[m.id]))
    return render(
        request,
        "concepts.html",
        groups=groups,
        titles={c.id: c.title for c in ctx.curriculum.concepts.values()},
        nav=nav_counts(ctx, store),
        page="roadmap",
    )


# -- placement ---------------------------------------------------------------------------------


@router.get("/placement", response_class=HTMLResponse)
def placement_index(request: Request, store: Store = StoreDep) -> HTMLResponse:
    ctx = get_ctx(request)
    stages = [s for s in ctx.curriculum.stages if s.lessons]
    return render(
        request,
        "placement.html",
        stages=stages,
        stage=None,
        nav=nav_counts(ctx, store),
        page="roadmap",
    )


@router.get("/placement/{stage}", response_class=HTMLResponse)
def placement_page(request: Request, stage: str, store: Store = StoreDep) -> HTMLResponse:
    """The next question of the test (its answers so far ride in ``h``), or its result."""
    from ladder.study.placement import Placement, decode, encode

    ctx = get_ctx(request)
    cur = ctx.curriculum
    if stage not in {s.id for s in cur.stages}:
        raise HTTPException(404, f"There is no stage {stage!r}.")
    # A history that does not follow the test is a 400 (Invalid), not a missing page.
    test = Placement(cur, stage, decode(cur, request.query_params.get("h", "")))
    q = test.next()
    return render(
        request,
        "placement.html",
        stage=cur.stage(stage),
        question=q,
        card=cur.cards.get(q.id) if q and q.kind == "card" else None,
        exercise=cur.exercises.get(q.id) if q and q.kind == "exercise" else None,
        path=ctx.workspace.exercise_path(cur.exercises[q.id])
        if q and q.kind == "exercise"
        else None,
        history=encode(test.answers),
        result=test.result() if q is None else None,
        lessons=cur.lessons,
        last=request.query_params.get("last"),
        nav=nav_counts(ctx, store),
        page="roadmap",
    )


@post.post("/placement/{stage}/answer")
def placement_answer(
    request: Request,
    stage: str,
    h: str = Form(""),
    answer: str | None = Form(None),
    knew: str | None = Form(None),
    action: str | None = Form(None),
    store: Store = StoreDep,
) -> RedirectResponse:
    """One answer: a card checked like a review's, a self-rated card, or the exercise
    graded from the learner's file (``action=check``; ``skip`` counts as not passed)."""
    from urllib.parse import urlencode

    from ladder.study.memory import check_answer
    from ladder.study.placement import Placement, decode, encode
    from ladder.study.session import Invalid, check

    ctx = get_ctx(request)
    cur = ctx.curriculum
    test = Placement(cur, stage, decode(cur, h))
    q = test.next()
    if q is None:
        return RedirectResponse(f"/placement/{stage}?{urlencode({'h': h})}", status_code=303)
    if q.kind == "exercise":
        ex = cur.exercises[q.id]
        ok = (
            action == "check"
            and check(store, ex, ctx.workspace.exercise_path(ex), ctx.now(), warm=ctx.warm).passed
        )
        last = "passed" if ok else "not passed"
    elif q.self_rated:
        ok = knew == "1"
        last = ""
    else:
        if not answer or not answer.strip():
            raise Invalid("Type an answer before submitting.")
        ok, last = check_answer(cur.cards[q.id], answer)
    test.answer(ok)
    return RedirectResponse(
        f"/placement/{stage}?{urlencode({'h': encode(test.answers), 'last': last})}",
        status_code=303,
    )


@post.post("/placement/{stage}/apply")
def placement_apply(
    request: Request, stage: str, h: str = Form(""), store: Store = StoreDep
) -> RedirectResponse:
    from ladder.study.placement import Placement, apply_placement, decode

    ctx = get_ctx(request)
    test = Placement(ctx.curriculum, stage, decode(ctx.curriculum, h))
    if not test.done:
        from ladder.study.session import Refused

        raise Refused("Finish the placement test before applying it.")
    apply_placement(ctx.curriculum, store, test.result(), ctx.now())
    return RedirectResponse("/?placed=1", status_code=303)


# -- notebooks ---------------------------------------------------------------------------------


@router.get("/notebooks/{target}.ipynb")
def notebook(request: Request, target: str) -> FileResponse:
    """``ladder notebook ID``: the notebook, written for this workspace, as a download."""
    from ladder.study.notebooks import write_notebook
    from ladder.study.session import Refused

    ctx = get_ctx(request)
    folder = Path(tempfile.mkdtemp(prefix="ladder-nb-"))
    try:
        path = write_notebook(ctx.curriculum, ctx.workspace.root, target, folder)
    except Refused as exc:
        raise HTTPException(404, str(exc)) from exc
    return FileResponse(path, media_type="application/x-ipynb+json", filename=path.name)


# -- papers ------------------------------------------------------------------------------------


@router.get("/papers", response_class=HTMLResponse)
def papers_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.papers import reading_list

    ctx = get_ctx(request)
    report = request.query_params.get("imported")
    return render(
        request,
        "papers.html",
        items=reading_list(ctx.curriculum, store),
        imported=json.loads(report) if report else None,
        nav=nav_counts(ctx, store),
        page="papers",
    )


@post.post("/papers/import", response_class=HTMLResponse)
async def papers_import(
    request: Request, feed: UploadFile = FEED_UPLOAD, store: Store = StoreDep
) -> HTMLResponse:
    """``ladder papers import FILE`` with the file uploaded (at most 5 MB)."""
    from ladder.study.papers import import_feed, reading_list
    from ladder.study.session import Invalid

    ctx = get_ctx(request)
    data = await feed.read(5 * 1024 * 1024 + 1)
    if len(data) > 5 * 1024 * 1024:
        raise Invalid("A feed file holds at most 5 MB.")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.xml"
        path.write_bytes(data)
        rep = import_feed(ctx.curriculum, store, path, ctx.now())
    return render(
        request,
        "papers.html",
        items=reading_list(ctx.curriculum, store),
        imported=rep,
        nav=nav_counts(ctx, store),
        page="papers",
    )


@post.post("/papers/read")
def papers_read(
    request: Request, key: str = Form(), read: str = Form("1"), store: Store = StoreDep
) -> RedirectResponse:
    from ladder.study.papers import mark_read

    ctx = get_ctx(request)
    mark_read(ctx.curriculum, store, key, ctx.now(), read=read == "1")
    return RedirectResponse("/papers", status_code=303)


# -- optimize ----------------------------------------------------------------------------------


@router.get("/optimize", response_class=HTMLResponse)
def optimize_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.analytics import MIN_REVIEWS, history
    from ladder.study.memory import PARAMETERS_KEY

    ctx = get_ctx(request)
    reviews = sum(len(r) for r in history(ctx.curriculum, store).values())
    return render(
        request,
        "optimize.html",
        reviews=reviews,
        needed=MIN_REVIEWS,
        own=store.get_setting(PARAMETERS_KEY) is not None,
        report=None,
        applied=request.query_params.get("applied"),
        nav=nav_counts(ctx, store),
        page="stats",
    )


@post.post("/optimize", response_class=HTMLResponse)
def optimize_run(request: Request, store: Store = StoreDep) -> HTMLResponse:
    """Fit (refused with fewer than 512 reviews); nothing is saved until Apply."""
    from ladder.study.analytics import MIN_REVIEWS, optimize

    ctx = get_ctx(request)
    rep = optimize(ctx.curriculum, store, ctx.now())
    return render(
        request,
        "optimize.html",
        reviews=rep.reviews,
        needed=MIN_REVIEWS,
        own=False,
        report=rep,
        parameters=json.dumps(rep.parameters_after),
        applied=None,
        nav=nav_counts(ctx, store),
        page="stats",
    )


@post.post("/optimize/apply")
def optimize_apply(
    request: Request, parameters: str = Form(""), reset: str = Form(""), store: Store = StoreDep
) -> RedirectResponse:
    from ladder.study.analytics import apply_parameters, reset_parameters
    from ladder.study.session import Invalid

    if reset == "1":
        reset_parameters(store)
        return RedirectResponse("/optimize?applied=reset", status_code=303)
    try:
        values = [float(x) for x in json.loads(parameters)]
        apply_parameters(store, values)
    except (ValueError, TypeError) as exc:
        raise Invalid(f"Those are not FSRS parameters: {exc}.") from exc
    return RedirectResponse("/optimize?applied=1", status_code=303)


router.include_router(post)
