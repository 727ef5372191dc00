"""The stage-8 tools in the browser: sentiment, the course tutor, text generation,
translation, summaries. Each page is a form; the answer comes from the same service in
:mod:`ladder.projects` that the CLI command calls. Bad input, or a model no lab has
trained yet, is shown as one sentence on the page (status 400 or 409)."""

from __future__ import annotations

import json
import threading
from typing import Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, StreamingResponse

from ladder.study.store import Store
from ladder.web.context import StoreDep, get_ctx, nav_counts, render
from ladder.web.security import require_csrf

__all__ = ["router"]

router = APIRouter()
MAX_UPLOAD = 2 * 1024 * 1024
_tutor_lock = threading.Lock()


def _page(request: Request, store: Store, name: str, status: int = 200, **context: Any):
    ctx = get_ctx(request)
    return render(request, name, status, nav=nav_counts(ctx, store), page="tools", **context)


def _failure(exc: Exception) -> tuple[int, str] | None:
    """The status and sentence for a learner-facing error of a tool, else None."""
    from ladder.projects.common import ModelNotTrained, ProjectInputError

    if isinstance(exc, ModelNotTrained):
        return 409, str(exc)
    if isinstance(exc, ProjectInputError):
        text = str(exc)
        return 400, text[:1].upper() + text[1:]
    return None


def _run(request: Request, store: Store, template: str, fn, **form: Any) -> HTMLResponse:
    try:
        result = fn()
    except Exception as exc:  # noqa: BLE001 - only the tools' own errors are caught
        failure = _failure(exc)
        if failure is None:
            raise
        return _page(request, store, template, failure[0], error=failure[1], form=form)
    return _page(request, store, template, result=result, form=form)


def _runs_dir(request: Request):
    return get_ctx(request).workspace.runs_dir


@router.get("/tools", response_class=HTMLResponse)
def tools_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    return _page(request, store, "tools.html")


@router.get("/tools/sentiment", response_class=HTMLResponse)
def sentiment_page(
    request: Request, text: str | None = None, store: Store = StoreDep
) -> HTMLResponse:
    if text is None:
        return _page(request, store, "tool_sentiment.html", form={})
    from ladder.projects.sentiment import analyze

    lines = [line for line in text.splitlines() if line.strip()] or [text]
    return _run(
        request,
        store,
        "tool_sentiment.html",
        lambda: analyze(lines, runs_dir=_runs_dir(request)),
        text=text,
    )


def tutor(request: Request):
    """One tutor per server: the index and its embeddings are built (or read from the
    cache) once."""
    ctx = get_ctx(request)
    with _tutor_lock:
        if getattr(ctx, "tutor", None) is None:
            from ladder.projects.tutor import Tutor

            ctx.tutor = Tutor.load(ctx.curriculum)
    return ctx.tutor


@router.get("/tools/chat", response_class=HTMLResponse)
def chat_page(request: Request, q: str | None = None, store: Store = StoreDep) -> HTMLResponse:
    if q is None:
        return _page(request, store, "tool_chat.html", form={})
    return _run(request, store, "tool_chat.html", lambda: tutor(request).ask(q), q=q)


def _generation_settings(
    prompt: str, tokens: int, temperature: float, top_k: int | None, top_p: float | None
) -> None:
    from ladder.projects.common import ProjectInputError

    if not temperature > 0:
        raise ProjectInputError(f"the temperature must be greater than 0, not {temperature}.")
    if top_p is not None and not 0 < top_p <= 1:
        raise ProjectInputError(f"top-p must lie in (0, 1], not {top_p}.")
    if top_k is not None and top_k < 1:
        raise ProjectInputError(f"top-k must be a positive whole number, not {top_k}.")
    if not 0 <= tokens <= 5000:
        raise ProjectInputError(f"generate between 0 and 5,000 characters, not {tokens}.")


@router.get("/tools/generate", response_class=HTMLResponse)
def generate_page(
    request: Request,
    prompt: str | None = None,
    tokens: int = 300,
    temperature: float = 0.8,
    top_k: int | None = 200,
    top_p: float | None = None,
    seed: int = 1337,
    store: Store = StoreDep,
) -> HTMLResponse:
    form = {"prompt": prompt, "tokens": tokens, "temperature": temperature, "top_k": top_k,
            "top_p": top_p, "seed": seed}  # fmt: skip
    if prompt is None:
        return _page(request, store, "tool_generate.html", form=form)

    def run():
        from ladder.projects.generate import Generator

        _generation_settings(prompt, tokens, temperature, top_k, top_p)
        return Generator.load(runs_dir=_runs_dir(request)).generate(
            prompt.replace("\\n", "\n"), tokens, temperature, top_k, top_p, seed
        )

    return _run(request, store, "tool_generate.html", run, **form)


@router.get("/tools/generate/stream")
def generate_stream(
    request: Request,
    prompt: str,
    tokens: int = 300,
    temperature: float = 0.8,
    top_k: int | None = 200,
    top_p: float | None = None,
    seed: int = 1337,
) -> StreamingResponse:
    """Server-sent events: one ``data:`` line per new character, then ``event: end``."""
    from ladder.projects.generate import Generator

    def events():
        try:
            _generation_settings(prompt, tokens, temperature, top_k, top_p)
            gen = Generator.load(runs_dir=_runs_dir(request))
            for piece in gen.stream(
                prompt.replace("\\n", "\n"), tokens, temperature, top_k, top_p, seed
            ):
                yield f"data: {json.dumps(piece)}\n\n"
        except Exception as exc:  # noqa: BLE001
            failure = _failure(exc)
            if failure is None:
                raise
            yield f"event: error\ndata: {json.dumps(failure[1])}\n\n"
            return
        yield "event: end\ndata: {}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")


@router.get("/tools/translate", response_class=HTMLResponse)
def translate_page(
    request: Request,
    text: str | None = None,
    direction: str = "en-de",
    beam: int = 4,
    store: Store = StoreDep,
) -> HTMLResponse:
    form = {"text": text, "direction": direction, "beam": beam}
    if text is None:
        return _page(request, store, "tool_translate.html", form=form)

    def run():
        from ladder.projects.common import ProjectInputError
        from ladder.projects.translate import translate

        if not 1 <= beam <= 16:
            raise ProjectInputError(f"the beam size must be from 1 to 16, not {beam}.")
        return translate(text, direction=direction, beam_size=beam, runs_dir=_runs_dir(request))

    return _run(request, store, "tool_translate.html", run, **form)


@router.get("/tools/summarize", response_class=HTMLResponse)
def summarize_page(request: Request, store: Store = StoreDep) -> HTMLResponse:
    return _page(request, store, "tool_summarize.html", form={"method": "textrank", "n": 3})


@router.post("/tools/summarize", dependencies=[Depends(require_csrf)], response_class=HTMLResponse)
async def summarize_post(
    request: Request,
    text: str = Form(""),
    method: str = Form("textrank"),
    n: int = Form(3),
    file: UploadFile | None = File(None),  # noqa: B008 - FastAPI declares uploads so
    store: Store = StoreDep,
) -> HTMLResponse:
    from ladder.projects.common import ProjectInputError, looks_binary

    form = {"text": text, "method": method, "n": n}
    upload = b""
    if file is not None and file.filename:
        upload = await file.read(MAX_UPLOAD + 1)

    def run():
        from ladder.projects.summarize import summarize

        source = text
        if upload:
            if len(upload) > MAX_UPLOAD:
                raise ProjectInputError("the file is larger than 2 MiB; give a shorter document.")
            if looks_binary(upload):
                raise ProjectInputError(
                    f"{file.filename} is a binary file, not text; give a UTF-8 text file."
                )
            source = upload.decode("utf-8", errors="replace")
        return summarize(source, method=method, n_sentences=n, runs_dir=_runs_dir(request))

    return _run(request, store, "tool_summarize.html", run, **form)
