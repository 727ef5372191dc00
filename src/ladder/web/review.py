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
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ladder.study.store import Store
from ladder.web.context import StoreDep, get_ctx, nav_counts, render
from ladder.web.security import require_csrf

__all__ = ["router", "MAX_ANSWER_MS"]

router = APIRouter()
MAX_ANSWER_MS = 3_600_000  # an answer time beyond an hour is a page left open, not thinking


def _sides(card) -> tuple[str, str]:
    from ladder.study.memory import cloze_back, cloze_front

    if card.kind == "cloze":
        return cloze_front(card), cloze_back(card)
    return card.front, card.back


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    from ladder.study.memory import RATINGS, Memory

    ctx = get_ctx(request)
    memory = Memory(ctx.curriculum, store)
    now = ctx.now()
    queue = memory.queue(now)
    q = request.query_params
    if "card" not in q:  # the start of a session, not the page after an answer
        from ladder.study.session import start_review

        start_review(store)
    saved = None
    if q.get("card") in ctx.curriculum.cards and q.get("rating", "").isdigit():
        saved = {"rating": RATINGS.get(int(q["rating"]), "?"), "counted": q.get("counted") == "1"}
    item = queue[0] if queue else None
    front, back = _sides(item.card) if item else ("", "")
    return render(
        request,
        "review.html",
        item=item,
        front=front,
        back=back,
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
    card = result.card
    if card.auto_checked:
        front, back = _sides(card)
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
            nav=nav_counts(ctx, store, now),
            page="review",
        )
    query = urlencode({"card": card.id, "rating": result.rating, "counted": int(result.counted)})
    return RedirectResponse(f"/review?{query}", status_code=303)
