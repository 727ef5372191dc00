"""Pages: roadmap, lessons, exercises (with the Check button), stats.

Each route is the web twin of a CLI command and calls the same functions:
``session.overview`` (``ladder``), ``Store.mark_read`` (``ladder learn``),
``exercise_rows`` (``ladder list``), ``session.check`` (``ladder check``),
``session.reveal_hint`` (``ladder hint``), ``session.reveal_solution``
(``ladder solution``), ``Memory.stats`` (``ladder stats``). Unknown ids are 404; POSTs
need the CSRF token and redirect back (post/redirect/get), so reloading a page never
repeats an action.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ladder.curriculum import Curriculum, Exercise, Lesson
from ladder.study.store import Store
from ladder.web.context import StoreDep, get_ctx, nav_counts, render, step_link
from ladder.web.security import require_csrf

__all__ = ["router"]

router = APIRouter()
post = APIRouter(dependencies=[Depends(require_csrf)])


def _lesson(cur: Curriculum, lesson_id: str) -> Lesson:
    if lesson_id not in cur.lessons:
        raise HTTPException(404, f"There is no lesson {lesson_id!r}.")
    return cur.lessons[lesson_id]


def _exercise(cur: Curriculum, exercise_id: str) -> Exercise:
    if exercise_id not in cur.exercises:
        raise HTTPException(404, f"There is no exercise {exercise_id!r}.")
    return cur.exercises[exercise_id]


# -- roadmap ---------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def roadmap_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.session import overview

    ctx = get_ctx(request)
    cur, now = ctx.curriculum, ctx.now()
    read = store.read_lessons()
    view = overview(cur, store, now)
    step = view.step
    assert step is not None  # a served workspace always has a next step
    lessons = {
        s.id: [(cur.lessons[i], i in read) for i in s.lessons if i in cur.lessons]
        for s in cur.stages
    }
    return render(
        request,
        "roadmap.html",
        stages=view.stages,
        lessons=lessons,
        step=step,
        step_href=step_link(step.kind, step.target),
        nav=nav_counts(ctx, store, now),
        page="roadmap",
    )


# -- lessons -----------------------------------------------------------------------------------


@router.get("/lessons/{lesson_id}", response_class=HTMLResponse)
def lesson_page(request: Request, lesson_id: str, store: Store = StoreDep) -> HTMLResponse:
    from ladder.web.render import render_lesson

    ctx = get_ctx(request)
    cur = ctx.curriculum
    lesson = _lesson(cur, lesson_id)
    order = [l.id for l in cur.ordered_lessons()]
    at = order.index(lesson.id)
    states = store.exercise_states()
    body, toc = render_lesson(lesson.body)
    return render(
        request,
        "lesson.html",
        lesson=lesson,
        body=body,
        toc=toc,
        position=at + 1,
        total=len(order),
        stage=cur.stage(lesson.stage),
        read_at=store.read_lessons().get(lesson.id),
        cards=cur.cards_of(lesson.id),
        labs=cur.labs_of(lesson.id),
        exercises=[(e, states.get(e.id, "not_started")) for e in cur.exercises_of(lesson.id)],
        prev=cur.lessons[order[at - 1]] if at > 0 else None,
        next=cur.lessons[order[at + 1]] if at + 1 < len(order) else None,
        just_read=request.query_params.get("read") == "1",
        nav=nav_counts(ctx, store),
        page="learn",
    )


@post.post("/lessons/{lesson_id}/read")
def mark_read(request: Request, lesson_id: str, store: Store = StoreDep) -> RedirectResponse:
    ctx = get_ctx(request)
    lesson = _lesson(ctx.curriculum, lesson_id)
    store.mark_read(lesson.id, ctx.now())
    return RedirectResponse(f"/lessons/{lesson.id}?read=1", status_code=303)


# -- exercises ---------------------------------------------------------------------------------


@router.get("/exercises", response_class=HTMLResponse)
def exercises_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.progress import exercise_rows

    ctx = get_ctx(request)
    groups: list[tuple[Any, list[dict]]] = []
    for row in exercise_rows(ctx.curriculum, store):
        stage = ctx.curriculum.stage(row["stage"])
        if not groups or groups[-1][0].id != stage.id:
            groups.append((stage, []))
        groups[-1][1].append(row)
    return render(
        request, "exercises.html", groups=groups, nav=nav_counts(ctx, store), page="exercises"
    )


def _verdict_context(ctx, store: Store, ex: Exercise) -> dict[str, Any]:
    """What the verdict section shows (the page and the editor's JSON answers share it)."""
    from ladder.study.grader import Verdict
    from ladder.study.progress import exercise_rows
    from ladder.study.session import check_errors

    rows = exercise_rows(ctx.curriculum, store)
    row = next(r for r in rows if r["id"] == ex.id)
    following = next((r for r in rows if r["current"]), None)  # what `ladder check` does next
    verdict = store.last_verdict(ex.id)
    errors = check_errors(Verdict.from_dict(verdict)) if verdict else []
    return {
        "row": row,
        "following": following,
        "verdict": verdict,
        "errors": errors,
        "attempts": store.attempts(ex.id),
    }


def _exercise_page(
    request: Request,
    ex: Exercise,
    store: Store,
    solution: str | None = None,
    *,
    status_code: int = 200,
    notice: str | None = None,
    text: str | None = None,
) -> HTMLResponse:
    """The exercise page; after a refused save, ``text`` (what the learner typed) stays
    in the editor with the token of the file on disk, so saving again replaces it."""
    from ladder.study.session import exercise_task, file_token
    from ladder.web.render import render_markdown

    ctx = get_ctx(request)
    path = ctx.workspace.exercise_path(ex)
    shown = store.hints_shown(ex.id)
    task = exercise_task(ex)
    try:
        source = path.read_text("utf-8") if text is None else text
    except (FileNotFoundError, UnicodeDecodeError, IsADirectoryError):
        source = ""
    return render(
        request,
        "exercise.html",
        status_code,
        ex=ex,
        path=path,
        task=task,
        task_html=render_markdown(task.text),
        source=source,
        token=file_token(path),
        notice=notice,
        hints=ex.hints[:shown],
        hints_left=len(ex.hints) - shown,
        lesson=ctx.curriculum.lessons.get(ex.lesson),
        tried=any(a["outcome"] != "not_attempted" for a in store.attempts(ex.id)),
        solution=solution,
        checked=request.query_params.get("checked") == "1",
        saved=request.query_params.get("saved") == "1",
        nav=nav_counts(ctx, store),
        page="exercises",
        **_verdict_context(ctx, store, ex),
    )


@router.get("/exercises/{exercise_id}", response_class=HTMLResponse)
def exercise_page(request: Request, exercise_id: str, store: Store = StoreDep) -> HTMLResponse:
    ctx = get_ctx(request)
    ex = _exercise(ctx.curriculum, exercise_id)
    ctx.warm.prepare(ex)  # the Check button then answers without starting Python and torch
    return _exercise_page(request, ex, store)


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _editor_answer(request: Request, ex: Exercise, store: Store, saved: bool, checked: bool):
    """The editor's JSON answer: the file's token and text, and the verdict section."""
    from fastapi.responses import JSONResponse

    from ladder.study.session import STATE_LABEL, file_token
    from ladder.web.context import templates

    ctx = get_ctx(request)
    path = ctx.workspace.exercise_path(ex)
    parts = _verdict_context(ctx, store, ex)
    html = (
        templates()
        .get_template("_verdict.html")
        .render(ex=ex, checked=checked, STATE_LABEL=STATE_LABEL, **parts)
    )
    try:
        source = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        source = None
    state = parts["row"]["state"]
    return JSONResponse(
        {
            "saved": saved,
            "checked": checked,
            "token": file_token(path),
            "source": source,
            "state": state,
            "state_label": STATE_LABEL[state],
            "verdict_html": html if checked else None,
        }
    )


@post.post("/exercises/{exercise_id}/save", response_class=HTMLResponse)
async def save(request: Request, exercise_id: str, store: Store = StoreDep):
    """Save the editor's text to the learner's file (the one ``ladder check`` grades),
    then check it when asked (the Check button, or "check on save" as ``ladder watch``
    does). A text equal to the version the page loaded is not written again, so Check
    grades a file edited outside; a file changed outside since then is never
    overwritten (:func:`ladder.study.session.save_exercise` refuses)."""
    from starlette.concurrency import run_in_threadpool

    from ladder.study.session import Invalid, Refused, file_token, save_exercise
    from ladder.study.session import check as check_exercise

    ctx = get_ctx(request)
    ex = _exercise(ctx.curriculum, exercise_id)
    form = await request.form()
    text, token = form.get("source"), form.get("token")
    if not isinstance(text, str) or not isinstance(token, str):
        raise HTTPException(400, "The editor sent no text or no token; reload the page.")
    wants_check = form.get("action") == "check" or form.get("autocheck") == "1"
    path = ctx.workspace.exercise_path(ex)
    try:
        saved = save_exercise(ex, path, text, token).written
    except Refused as exc:
        if _wants_json(request):
            from fastapi.responses import JSONResponse

            status = 400 if isinstance(exc, Invalid) else 409
            return JSONResponse({"error": str(exc), "token": file_token(path)}, status)
        return _exercise_page(
            request, ex, store, status_code=409, notice=str(exc), text=text.replace("\r\n", "\n")
        )
    if wants_check:
        await run_in_threadpool(check_exercise, store, ex, path, ctx.now(), warm=ctx.warm)
        ctx.warm.prepare(ex)  # for the next Check
    if _wants_json(request):
        return _editor_answer(request, ex, store, saved, wants_check)
    target = f"/exercises/{ex.id}?{'checked' if wants_check else 'saved'}=1"
    return RedirectResponse(target + ("#verdict" if wants_check else "#editor"), status_code=303)


@post.post("/exercises/{exercise_id}/check")
def check(request: Request, exercise_id: str, store: Store = StoreDep):
    """``ladder check ID``: grade the learner's own file and record the attempt."""
    from ladder.study.session import check as check_exercise

    ctx = get_ctx(request)
    ex = _exercise(ctx.curriculum, exercise_id)
    check_exercise(store, ex, ctx.workspace.exercise_path(ex), ctx.now(), warm=ctx.warm)
    ctx.warm.prepare(ex)  # for the next Check
    if _wants_json(request):
        return _editor_answer(request, ex, store, False, True)
    return RedirectResponse(f"/exercises/{ex.id}?checked=1#verdict", status_code=303)


@post.post("/exercises/{exercise_id}/hint")
def hint(request: Request, exercise_id: str, store: Store = StoreDep) -> RedirectResponse:
    from ladder.study.session import reveal_hint

    ex = _exercise(get_ctx(request).curriculum, exercise_id)
    reveal_hint(store, ex)
    return RedirectResponse(f"/exercises/{ex.id}#hints", status_code=303)


@router.get("/exercises/{exercise_id}/solution", response_class=HTMLResponse)
def solution(request: Request, exercise_id: str, store: Store = StoreDep) -> HTMLResponse:
    """``ladder solution ID``: the reference code, once the learner has tried (its own
    address: a reload or a bookmark shows it again)."""
    from ladder.study.session import reveal_solution
    from ladder.web.render import highlight_code

    ctx = get_ctx(request)
    ex = _exercise(ctx.curriculum, exercise_id)
    source = reveal_solution(store, ex, ctx.now())  # refuses (409) before an attempt
    return _exercise_page(request, ex, store, solution=highlight_code(source, "python"))


@post.post("/exercises/{exercise_id}/solution")
def solution_form(request: Request, exercise_id: str) -> RedirectResponse:
    """The old form's address: on to the solution's own page."""
    ex = _exercise(get_ctx(request).curriculum, exercise_id)
    return RedirectResponse(f"/exercises/{ex.id}/solution#solution", status_code=303)


# -- search ------------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", store: Store = StoreDep) -> HTMLResponse:
    """``ladder search QUERY``: lessons (by section), cards and exercises."""
    import html as html_lib

    from ladder.study.search import MARK_END, MARK_START, search

    ctx = get_ctx(request)
    query = q.strip()[:200]
    hits = search(ctx.curriculum, query, limit=40) if query else []
    shown = [
        (
            hit,
            html_lib.escape(hit.snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"),
        )
        for hit in hits
    ]
    return render(
        request,
        "search.html",
        query=query,
        hits=shown,
        nav=nav_counts(ctx, store),
        page="search",
    )


# -- stats -------------------------------------------------------------------------------------


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.activity import rating_counts, study_days
    from ladder.study.memory import Memory
    from ladder.study.progress import roadmap
    from ladder.web.charts import daily_bars, hbars, heatmap, last_days, rating_bars
    from ladder.web.learning import analytics_view

    ctx = get_ctx(request)
    now = ctx.now()
    s = Memory(ctx.curriculum, store).stats(now)
    stages = roadmap(ctx.curriculum, store)
    today = now.astimezone().date()
    per_day = last_days(s["reviews_per_day"], today)  # type: ignore[arg-type]
    attempts = [a for e in ctx.curriculum.exercises for a in store.attempts(e)]
    learning = analytics_view(ctx, store, now)
    forecast = [(f["day"], f["cards"] + f["exercises"]) for f in learning["report"]["forecast"]]
    days = study_days(ctx.curriculum, store)
    ratings = rating_counts(store)
    return render(
        request,
        "stats.html",
        s=s,
        stages=stages,
        forecast=forecast,
        forecast_total=sum(n for _, n in forecast),
        forecast_chart=daily_bars(forecast, "reviews due"),
        days_studied=len(days),
        heatmap_chart=heatmap(days, today),
        ratings=ratings,
        ratings_chart=rating_bars(ratings),
        reviews_chart=daily_bars(per_day),
        stages_chart=hbars([(f"{st.number}. {st.title}", st.done, st.total) for st in stages]),
        attempts=len(attempts),
        checking_minutes=round(sum(a["seconds"] or 0 for a in attempts) / 60, 1),
        learning=learning,
        nav=nav_counts(ctx, store, now),
        page="stats",
    )


router.include_router(post)
