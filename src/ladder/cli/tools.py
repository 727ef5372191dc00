"""The tools built in stage 8: ``ladder sentiment``, ``chat``, ``generate``, ``translate``,
``summarize`` and ``portfolio``. Each calls its service in :mod:`ladder.projects` and
prints the result (``--json``: the result as data). A tool whose model a lab trains says
in one sentence which lab to run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from ladder.cli.common import Fail, JsonOption, app, console, emit_json, workspace


def _runs_dir() -> Path | None:
    """The workspace's runs/ (None outside a workspace: the tools that need no training
    still work)."""
    try:
        return workspace().runs_dir
    except Exception as exc:  # noqa: BLE001 - only "no workspace" is expected here
        if type(exc).__name__ == "NoWorkspace":
            return None
        raise


def _notice(result: Any) -> None:
    if getattr(result, "notice", None):
        console.print(f"[yellow]Note:[/yellow] {escape(result.notice)}")


@app.command()
def sentiment(
    texts: Annotated[list[str] | None, typer.Argument(help="Texts to label.")] = None,
    csv: Annotated[Path | None, typer.Option(help="Label a column of this CSV file.")] = None,
    column: Annotated[str, typer.Option(help="The CSV column holding the texts.")] = "text",
    model: Annotated[
        str, typer.Option(help="auto (best available), tfidf, or finetuned (stage 6's MiniLM).")
    ] = "auto",
    as_json: JsonOption = False,
) -> None:
    """Positive, negative or neutral, with the words that pushed the decision."""
    from ladder.projects.sentiment import analyze, analyze_csv

    if csv is None and not texts:
        raise Fail('Give one or more texts (`ladder sentiment "I loved it"`) or --csv FILE.')
    if csv is not None:
        result = analyze_csv(csv, column=column, model=model, runs_dir=_runs_dir())
        if as_json:
            emit_json(result.to_dict())
            return
        counts = " · ".join(f"{label} {n}" for label, n in result.counts.items())
        console.print(f"{len(result.rows)} texts from column {column!r} of {csv}: {counts}")
        for row in result.rows[:20]:
            console.print(f"  {row.label:<9} {row.probability:.2f}  {escape(row.text[:80])}")
        if len(result.rows) > 20:
            console.print(f"  … {len(result.rows) - 20} more (--json gives them all)")
        return
    results = analyze(list(texts or []), model=model, runs_dir=_runs_dir())
    if as_json:
        emit_json([r.to_dict() for r in results])
        return
    for r in results:
        console.print(f"[bold]{r.label}[/bold] ({r.probability:.2f})  {escape(r.text)}")
        pushes = [f"+{p.word}" for p in r.pushed_for[:5]] + [
            f"−{p.word}" for p in r.pushed_against[:3]
        ]
        if pushes:
            console.print(f"  [dim]words: {escape(' '.join(pushes))}  ({r.model})[/dim]")
        _notice(r)


@app.command()
def chat(
    question: Annotated[str | None, typer.Argument(help="Ask once; omit to talk.")] = None,
    as_json: JsonOption = False,
) -> None:
    """The course's tutor: answers with the lessons, cards and docstrings that answer it."""
    from ladder.projects.common import ProjectInputError
    from ladder.projects.tutor import Tutor

    tutor = Tutor.load()

    def answer(q: str) -> None:
        a = tutor.ask(q)
        if as_json:
            emit_json(a.to_dict())
            return
        console.print(escape(a.reply))
        for p in a.passages:
            console.print(f"  • [bold]{escape(p.title)}[/bold]  [dim]{escape(p.link)}[/dim]")
            console.print(f"    {escape(p.text[:200])}{'…' if len(p.text) > 200 else ''}")
        _notice(a)

    if question is not None:
        answer(question)
        return
    console.print("Ask about the course (an empty line or Ctrl-D ends).")
    while True:
        try:
            q = console.input("[bold]you>[/bold] ")
        except EOFError:
            break
        if not q.strip():
            break
        try:
            answer(q)
        except ProjectInputError as exc:
            console.print(f"[yellow]{escape(str(exc))}[/yellow]")


@app.command()
def generate(
    prompt: Annotated[str, typer.Option(help="Text to continue (\\n for a new line).")] = "\n",
    tokens: Annotated[int, typer.Option(help="Characters to generate.")] = 500,
    temperature: Annotated[
        float, typer.Option(help="> 0; below 1 sharpens, above 1 flattens.")
    ] = 0.8,
    top_k: Annotated[int | None, typer.Option(help="Keep the k most likely characters.")] = 200,
    top_p: Annotated[float | None, typer.Option(help="Nucleus sampling, in (0, 1].")] = None,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same text).")] = 1337,
    checkpoint: Annotated[
        Path | None,
        typer.Option(help="A ckpt.pt; default: the newest transformer.gpt-shakespeare run."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Text from the Shakespeare GPT the lab trained, one character at a time."""
    from ladder.projects.generate import Generator

    if not temperature > 0:
        raise Fail(f"--temperature must be greater than 0, not {temperature}; try 0.8.")
    if top_p is not None and not 0 < top_p <= 1:
        raise Fail(f"--top-p must lie in (0, 1], not {top_p}; try 0.9.")
    if top_k is not None and top_k < 1:
        raise Fail(f"--top-k must be a positive whole number, not {top_k}; try 200.")
    if tokens < 0:
        raise Fail(f"--tokens must be 0 or more, not {tokens}.")
    prompt = prompt.replace("\\n", "\n")
    gen = Generator.load(runs_dir=_runs_dir(), checkpoint=checkpoint)
    if as_json:
        emit_json(gen.generate(prompt, tokens, temperature, top_k, top_p, seed).to_dict())
        return
    sys.stdout.write(prompt)
    for piece in gen.stream(prompt, tokens, temperature, top_k, top_p, seed):
        sys.stdout.write(piece)
        sys.stdout.flush()
    sys.stdout.write("\n")


@app.command()
def translate(
    text: Annotated[str, typer.Argument(help="English text to translate.")],
    direction: Annotated[str, typer.Option(help="Language pair; the lab trains en-de.")] = "en-de",
    beam: Annotated[int, typer.Option(help="Beam size (1: greedy).")] = 4,
    as_json: JsonOption = False,
) -> None:
    """English → German with the encoder–decoder the lab trained on Multi30k."""
    from ladder.projects.translate import translate as run

    if beam < 1:
        raise Fail(f"--beam must be 1 or more, not {beam}.")
    result = run(text, direction=direction, beam_size=beam, runs_dir=_runs_dir())
    if as_json:
        emit_json(result.to_dict())
        return
    console.print(escape(result.translation))
    console.print(f"[dim]{result.model}, beam {result.beam_size}, {result.seconds:.2f} s[/dim]")
    _notice(result)


@app.command()
def summarize(
    file: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    method: Annotated[
        str, typer.Option(help="textrank, mmr, lead, or abstractive (the lab's model).")
    ] = "textrank",
    sentences: Annotated[int, typer.Option(help="Sentences to keep (extractive).")] = 3,
    as_json: JsonOption = False,
) -> None:
    """A summary of a document: sentences chosen by TextRank or MMR, or written."""
    from ladder.projects.summarize import summarize as run
    from ladder.projects.summarize import summarize_file

    kw: dict[str, Any] = {"method": method, "n_sentences": sentences, "runs_dir": _runs_dir()}
    result = run(sys.stdin.read(), **kw) if file == "-" else summarize_file(file, **kw)
    if as_json:
        emit_json(result.to_dict())
        return
    console.print(escape(result.summary))
    _notice(result)


@app.command()
def portfolio(
    directory: Annotated[Path, typer.Argument(help="Folder to write the site into.")],
) -> None:
    """Your work as a static site (and a README.md), ready for GitHub Pages."""
    from ladder.projects.portfolio import build

    ws = workspace()
    try:
        report = build(ws.root, directory)
    except ValueError as exc:
        raise Fail(str(exc)) from exc
    console.print(
        f"Wrote your portfolio to {directory}: open {directory / 'index.html'} in a browser, "
        "or publish the folder with GitHub Pages."
    )
    _ = report
