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
    from ladder.web.render import render_markdown

    ctx = get_ctx(request)
    cur = ctx.curriculum
    lesson = _lesson(cur, lesson_id)
    order = [l.id for l in cur.ordered_lessons()]
    at = order.index(lesson.id)
    states = store.exercise_states()
    return render(
        request,
        "lesson.html",
        lesson=lesson,
        body=render_markdown(lesson.body),
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


def _exercise_page(
    request: Request, ex: Exercise, store: Store, solution: str | None = None
) -> HTMLResponse:
    from ladder.study.progress import exercise_rows

    ctx = get_ctx(request)
    rows = exercise_rows(ctx.curriculum, store)
    row = next(r for r in rows if r["id"] == ex.id)
    following = next((r for r in rows if r["current"]), None)  # what `ladder check` does next
    attempts = store.attempts(ex.id)
    shown = store.hints_shown(ex.id)
    return render(
        request,
        "exercise.html",
        ex=ex,
        row=row,
        following=following,
        path=ctx.workspace.exercise_path(ex),
        verdict=store.last_verdict(ex.id),
        attempts=attempts,
        hints=ex.hints[:shown],
        hints_left=len(ex.hints) - shown,
        lesson=ctx.curriculum.lessons.get(ex.lesson),
        tried=any(a["outcome"] != "not_attempted" for a in attempts),
        solution=solution,
        checked=request.query_params.get("checked") == "1",
        nav=nav_counts(ctx, store),
        page="exercises",
    )


@router.get("/exercises/{exercise_id}", response_class=HTMLResponse)
def exercise_page(request: Request, exercise_id: str, store: Store = StoreDep) -> HTMLResponse:
    ctx = get_ctx(request)
    ex = _exercise(ctx.curriculum, exercise_id)
    ctx.warm.prepare(ex)  # the Check button then answers without starting Python and torch
    return _exercise_page(request, ex, store)


@post.post("/exercises/{exercise_id}/check")
def check(request: Request, exercise_id: str, store: Store = StoreDep) -> RedirectResponse:
    """``ladder check ID``: grade the learner's own file and record the attempt."""
    from ladder.study.session import check as check_exercise

    ctx = get_ctx(request)
    ex = _exercise(ctx.curriculum, exercise_id)
    check_exercise(store, ex, ctx.workspace.exercise_path(ex), ctx.now(), warm=ctx.warm)
    ctx.warm.prepare(ex)  # for the next Check
    return RedirectResponse(f"/exercises/{ex.id}?checked=1#verdict", status_code=303)


@post.post("/exercises/{exercise_id}/hint")
def hint(request: Request, exercise_id: str, store: Store = StoreDep) -> RedirectResponse:
    from ladder.study.session import reveal_hint

    ex = _exercise(get_ctx(request).curriculum, exercise_id)
    reveal_hint(store, ex)
    return RedirectResponse(f"/exercises/{ex.id}#hints", status_code=303)


@post.post("/exercises/{exercise_id}/solution", response_class=HTMLResponse)
def solution(request: Request, exercise_id: str, store: Store = StoreDep) -> HTMLResponse:
    """``ladder solution ID``: the reference code, once the learner has tried."""
    from ladder.study.session import reveal_solution
    from ladder.web.render import highlight_code

    ctx = get_ctx(request)
    ex = _exercise(ctx.curriculum, exercise_id)
    source = reveal_solution(store, ex, ctx.now())  # refuses (409) before an attempt
    return _exercise_page(request, ex, store, solution=highlight_code(source, "python"))


# -- stats -------------------------------------------------------------------------------------


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.memory import Memory
    from ladder.study.progress import roadmap
    from ladder.web.charts import daily_bars, hbars, last_days
    from ladder.web.learning import analytics_view

    ctx = get_ctx(request)
    now = ctx.now()
    s = Memory(ctx.curriculum, store).stats(now)
    stages = roadmap(ctx.curriculum, store)
    per_day = last_days(s["reviews_per_day"], now.astimezone().date())  # type: ignore[arg-type]
    attempts = [a for e in ctx.curriculum.exercises for a in store.attempts(e)]
    return render(
        request,
        "stats.html",
        s=s,
        stages=stages,
        reviews_chart=daily_bars(per_day),
        stages_chart=hbars([(f"{st.number}. {st.title}", st.done, st.total) for st in stages]),
        attempts=len(attempts),
        checking_minutes=round(sum(a["seconds"] or 0 for a in attempts) / 60, 1),
        learning=analytics_view(ctx, store, now),
        nav=nav_counts(ctx, store, now),
        page="stats",
    )


router.include_router(post)
