"""Review: one card at a time, the same FSRS scheduling and store as ``ladder review``.

``GET /review`` shows the first card of :meth:`Memory.queue`. The form carries the
card's id and its ``reps`` (reviews so far) as seen when the page was drawn, and the
server time it was drawn (for the answer time). ``POST /review`` calls
:meth:`Memory.answer`, which stores the review only if ``reps`` still matches
(:meth:`Store.save_review`'s optimistic check): a double click, a reload or a second
tab counts once. Self-rated cards (basic, cloze) take the learner's 1–4; numeric and
choice cards are checked by :func:`check_answer` and rated by :func:`auto_rating`,
exactly as in the terminal.
"""

from __future__ import annotations

import time
from datetime import datetime
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ladder.study.store import Store
from ladder.web.context import StoreDep, get_ctx, nav_counts, render
from ladder.web.security import require_csrf

__all__ = ["router", "MAX_ANSWER_MS"]

router = APIRouter()
MAX_ANSWER_MS = 3_600_000  # an answer time beyond an hour is a page left open, not thinking


def _sides(request: Request, store: Store, card) -> tuple[str, str]:
    from ladder.study.session import card_sides

    return card_sides(get_ctx(request).curriculum, store, card)


def _session_start(request: Request) -> datetime:
    """Where today's review session began: the start of the learner's day."""
    from ladder.study.memory import start_of_day

    return start_of_day(get_ctx(request).now())


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.memory import RATINGS, Memory
    from ladder.study.recall import DueExercise, mixed_queue
    from ladder.web.learning import explain_lapse, recall_page

    ctx = get_ctx(request)
    memory = Memory(ctx.curriculum, store)
    now = ctx.now()
    q = request.query_params
    skipped = set(q.get("skip", "").split(","))
    queue = [
        d
        for d in mixed_queue(ctx.curriculum, store, now)
        if not (isinstance(d, DueExercise) and d.id in skipped)
    ]
    if queue and isinstance(queue[0], DueExercise):  # a passed exercise to write again
        return recall_page(request, store, queue[0].exercise, in_review=True)
    queue = [d for d in queue if not isinstance(d, DueExercise)]
    if "card" not in q:  # the start of a session, not the page after an answer
        from ladder.study.session import start_review

        start_review(store)
    saved = None
    if q.get("card") in ctx.curriculum.cards and q.get("rating", "").isdigit():
        saved = {"rating": RATINGS.get(int(q["rating"]), "?"), "counted": q.get("counted") == "1"}
        if q.get("moved") == "1":
            saved["explain"] = explain_lapse(ctx, store, q["card"])
    from ladder.study.session import intervals, session_summary

    item = queue[0] if queue else None
    front, back = _sides(request, store, item.card) if item else ("", "")
    summary = session_summary(store, _session_start(request)) if not item else None
    return render(
        request,
        "review.html",
        item=item,
        front=front,
        back=back,
        intervals=intervals(ctx.curriculum, store, item.card.id, now) if item else {},
        summary=summary if summary and sum(summary.values()) else None,
        can_undo=bool(store.review_logs(since=_session_start(request))),
        remaining=len(queue),
        unlocked=bool(queue) or bool(memory.unlocked()),
        saved=saved,
        shown_at=int(time.time() * 1000),
        ratings=RATINGS,
        nav=nav_counts(ctx, store, now),
        page="review",
    )


@router.post("/review", dependencies=[Depends(require_csrf)], response_class=HTMLResponse)
def submit(
    request: Request,
    card_id: str = Form(),
    reps: int = Form(ge=0),
    shown_at: int | None = Form(None),
    rating: int | None = Form(None),
    answer: str | None = Form(None),
    store: Store = StoreDep,
) -> Response:
    from ladder.study.memory import RATINGS
    from ladder.study.session import answer_card

    ctx = get_ctx(request)
    if card_id not in ctx.curriculum.cards:
        raise HTTPException(404, f"There is no card {card_id!r}.")
    duration_ms = None
    if shown_at is not None:
        duration_ms = int(min(max(time.time() * 1000 - shown_at, 0), MAX_ANSWER_MS))
    now = ctx.now()
    # Refusals (a locked card, an empty answer, a rating out of range) are 409/400.
    result = answer_card(
        ctx.curriculum,
        store,
        card_id,
        reps,
        rating=rating,
        typed=answer,
        duration_ms=duration_ms,
        at=now,
    )
    from ladder.study.concepts import explain

    card = result.card
    if card.auto_checked:
        front, back = _sides(request, store, card)
        return render(
            request,
            "review_answer.html",
            card=card,
            front=front,
            back=back,
            answer=answer,
            correct=result.correct,
            feedback=result.feedback,
            rating=RATINGS[result.rating],
            seconds=(duration_ms or 0) / 1000,
            counted=result.counted,
            explain=explain(ctx.curriculum, result.brought_forward),
            nav=nav_counts(ctx, store, now),
            page="review",
        )
    query = urlencode(
        {
            "card": card.id,
            "rating": result.rating,
            "counted": int(result.counted),
            "moved": int(bool(result.brought_forward)),
        }
    )
    return RedirectResponse(f"/review?{query}", status_code=303)


@router.post("/review/undo", dependencies=[Depends(require_csrf)])
def undo(request: Request, store: Store = StoreDep) -> RedirectResponse:
    """Take back the last answer: its card is shown again."""
    from ladder.study.session import undo_last_review

    card = undo_last_review(store)  # 409 when there is nothing to take back
    return RedirectResponse(f"/review?{urlencode({'undone': card})}", status_code=303)


@router.post("/cards/{card_id}/suspend", dependencies=[Depends(require_csrf)])
def suspend(
    request: Request, card_id: str, on: str = Form("1"), store: Store = StoreDep
) -> RedirectResponse:
    from ladder.study.session import suspend_card

    suspend_card(get_ctx(request).curriculum, store, card_id, on == "1")
    back = "/review" if on == "1" else f"/cards/{card_id}"
    return RedirectResponse(back, status_code=303)


@router.get("/cards/{card_id}", response_class=HTMLResponse)
def card_page(request: Request, card_id: str, store: Store = StoreDep) -> HTMLResponse:
    """One card: its sides (in your wording, if you edited it), whether it is suspended,
    and a form to reword it."""
    ctx = get_ctx(request)
    if card_id not in ctx.curriculum.cards:
        raise HTTPException(404, f"There is no card {card_id!r}.")
    card = ctx.curriculum.cards[card_id]
    front, back = _sides(request, store, card)
    mine = store.card_texts().get(card_id, (None, None))
    return render(
        request,
        "card.html",
        card=card,
        front=front,
        back=back,
        mine=mine,
        suspended=card_id in store.suspended_cards(),
        nav=nav_counts(ctx, store),
        page="review",
    )


@router.post("/cards/{card_id}/edit", dependencies=[Depends(require_csrf)])
def edit(
    request: Request,
    card_id: str,
    front: str = Form(""),
    back: str = Form(""),
    store: Store = StoreDep,
) -> RedirectResponse:
    from ladder.study.session import edit_card

    edit_card(get_ctx(request).curriculum, store, card_id, front, back)
    return RedirectResponse(f"/cards/{card_id}?saved=1", status_code=303)
