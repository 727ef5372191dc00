"""Model cards (Mitchell et al. 2019) and datasheets (Gebru et al. 2018), written from a run.

A **model card** is a short document shipped with a model. Its nine sections: model
details; intended use (and uses that are out of scope); factors (the groups and conditions
performance may depend on); metrics; evaluation data; training data; quantitative
analyses (results overall and *per group*); ethical considerations; caveats and
recommendations. A **datasheet** does the same for a data set: motivation, composition,
collection, preprocessing, uses, distribution, maintenance.

Cards written by hand drift from the model. Here the numbers come from the run itself:
:func:`model_card_from_run` reads a lab run's ``runs/<lab>/<time>/metrics.json`` (its
metrics and tables; a table whose first column is ``group`` is a per-group table) and
:func:`write_model_card` writes ``MODEL_CARD.md`` and ``model_card.json`` beside it. The
prose sections a run cannot know (intended use, ethical considerations) come from the
caller or say plainly that nobody wrote them. :func:`validate_model_card` is the schema.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "CARD_SECTIONS",
    "DATASHEET_SECTIONS",
    "ModelCard",
    "Datasheet",
    "worst_group_gap",
    "model_card_from_run",
    "write_model_card",
    "validate_model_card",
    "datasheet_for",
    "validate_datasheet",
]

CARD_FORMAT = 1
CARD_SECTIONS = (
    "model_details",
    "intended_use",
    "factors",
    "metrics",
    "evaluation_data",
    "training_data",
    "quantitative_analyses",
    "ethical_considerations",
    "caveats_and_recommendations",
)
DATASHEET_SECTIONS = (
    "motivation",
    "composition",
    "collection_process",
    "preprocessing",
    "uses",
    "distribution",
    "maintenance",
)
NOT_WRITTEN = "Not written yet: the run cannot know this; whoever ships the model must say it."


def worst_group_gap(by_group: dict[str, float], higher_is_better: bool = True) -> dict[str, Any]:
    """The group that fares worst on a metric, its value, and its gap to the best group.

    >>> worst_group_gap({"women": 0.71, "men": 0.74})
    {'worst_group': 'women', 'value': 0.71, 'best_group': 'men', 'gap': 0.03}
    """
    if not isinstance(by_group, dict) or not by_group:
        raise ValueError("by_group must be a non-empty dict {group: value}.")
    values = {}
    for g, v in by_group.items():
        if v is None or not isinstance(v, (int, float, np.floating, np.integer)) or math.isnan(v):
            raise ValueError(f"the value of group {g!r} is {v!r}; every group needs a number.")
        values[g] = float(v)
    pick_worst, pick_best = (min, max) if higher_is_better else (max, min)
    worst = pick_worst(values, key=values.__getitem__)
    best = pick_best(values, key=values.__getitem__)
    return {
        "worst_group": worst,
        "value": values[worst],
        "best_group": best,
        "gap": round(abs(values[best] - values[worst]), 12),
    }


@dataclass
class ModelCard:
    """The nine sections of Mitchell et al.; each is a dict or a string."""

    model_details: dict[str, Any]
    intended_use: dict[str, Any]
    factors: dict[str, Any]
    metrics: dict[str, Any]
    evaluation_data: dict[str, Any]
    training_data: dict[str, Any]
    quantitative_analyses: dict[str, Any]
    ethical_considerations: str = NOT_WRITTEN
    caveats_and_recommendations: str = NOT_WRITTEN
    format: int = CARD_FORMAT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_markdown(self) -> str:
        d = self.to_dict()
        lines = [f"# Model card: {d['model_details'].get('name', 'unnamed model')}", ""]
        for section in CARD_SECTIONS:
            lines += [f"## {section.replace('_', ' ').capitalize()}", ""]
            value = d[section]
            if isinstance(value, str):
                lines += [value, ""]
                continue
            tables = value.get("tables", []) if isinstance(value, dict) else []
            for key, v in value.items():
                if key == "tables":
                    continue
                lines.append(f"- **{key.replace('_', ' ')}**: {_fmt(v)}")
            lines.append("")
            for t in tables:
                lines += _md_table(t) + [""]
        return "\n".join(lines).rstrip() + "\n"


@dataclass
class Datasheet:
    """The seven sections of Gebru et al.'s datasheet for data sets."""

    motivation: dict[str, Any]
    composition: dict[str, Any]
    collection_process: dict[str, Any] = field(default_factory=lambda: {"notes": NOT_WRITTEN})
    preprocessing: dict[str, Any] = field(default_factory=lambda: {"notes": NOT_WRITTEN})
    uses: dict[str, Any] = field(default_factory=lambda: {"notes": NOT_WRITTEN})
    distribution: dict[str, Any] = field(default_factory=lambda: {"notes": NOT_WRITTEN})
    maintenance: dict[str, Any] = field(default_factory=lambda: {"notes": NOT_WRITTEN})
    format: int = CARD_FORMAT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, dict):
        return ", ".join(f"{k}: {_fmt(x)}" for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return ", ".join(_fmt(x) for x in v)
    return str(v)


def _md_table(t: dict[str, Any]) -> list[str]:
    cols = t["columns"]
    out = [
        f"**{t['title']}**",
        "",
        "| " + " | ".join(map(str, cols)) + " |",
        "|" + "---|" * len(cols),
    ]
    for row in t["rows"]:
        out.append("| " + " | ".join("–" if v is None else _fmt(v) for v in row) + " |")
    return out


def _group_tables(tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [t for t in tables if t.get("columns") and str(t["columns"][0]).lower() == "group"]


def model_card_from_run(
    run_dir: str | Path,
    *,
    name: str | None = None,
    description: str = "",
    intended_use: dict[str, Any] | None = None,
    training_data: dict[str, Any] | None = None,
    evaluation_data: dict[str, Any] | None = None,
    ethical_considerations: str = NOT_WRITTEN,
    caveats_and_recommendations: str = NOT_WRITTEN,
) -> ModelCard:
    """A model card from ``run_dir/metrics.json`` (a lab run of ``ladder run``)."""
    run_dir = Path(run_dir)
    path = run_dir / "metrics.json"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} does not exist; pass a run folder runs/<lab>/<time>/ that `ladder run` wrote."
        )
    try:
        run = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON ({exc.msg} at line {exc.lineno}).") from None
    for key in ("lab", "metrics", "tables"):
        if key not in run:
            raise ValueError(f"{path} has no {key!r}; it was not written by a lab run.")
    if run.get("status") not in (None, "done"):
        raise ValueError(
            f"the run in {run_dir} {run.get('status')}: {run.get('error')}; "
            "write a card for a finished run."
        )
    metrics = {k: v for k, v in run["metrics"].items() if isinstance(v, (int, float, str, bool))}
    group_tables = _group_tables(run["tables"])
    groups = sorted({str(r[0]) for t in group_tables for r in t["rows"]} - {"overall"})
    summaries = {}
    for t in group_tables:
        for j, col in enumerate(t["columns"][1:], start=1):
            by_group = {
                str(r[0]): r[j]
                for r in t["rows"]
                if str(r[0]) != "overall" and isinstance(r[j], (int, float))
            }
            if len(by_group) >= 2:
                higher = not any(
                    w in str(col).lower() for w in ("error", "loss", "fpr", "fnr", "false")
                )
                summaries[f"{t['title']}: {col}"] = worst_group_gap(by_group, higher)
    return ModelCard(
        model_details={
            "name": name or run["lab"],
            "description": description or f"The model trained by the lab {run['lab']}.",
            "run": str(run_dir),
            "date": run.get("started", ""),
            "quick_run": bool(run.get("quick", False)),
            "seconds": run.get("seconds"),
        },
        intended_use=intended_use
        or {
            "primary_uses": "Teaching: a course lab, not a deployed system.",
            "out_of_scope": "Any decision about a real person.",
        },
        factors={
            "groups_evaluated": groups or "no per-group table in this run",
            "note": "Performance is reported per group wherever the run measured it.",
        },
        metrics=metrics,
        evaluation_data=evaluation_data or {"notes": NOT_WRITTEN},
        training_data=training_data or {"notes": NOT_WRITTEN},
        quantitative_analyses={"worst_group": summaries, "tables": run["tables"]},
        ethical_considerations=ethical_considerations,
        caveats_and_recommendations=caveats_and_recommendations,
    )


def write_model_card(run_dir: str | Path, **kwargs: Any) -> tuple[Path, Path]:
    """Write ``MODEL_CARD.md`` and ``model_card.json`` into ``run_dir``; return both paths.

    Works for any lab run folder (``runs/<lab>/<time>/``); keyword arguments are those of
    :func:`model_card_from_run`.
    """
    card = model_card_from_run(run_dir, **kwargs)
    data = card.to_dict()
    validate_model_card(data)
    md, js = Path(run_dir) / "MODEL_CARD.md", Path(run_dir) / "model_card.json"
    md.write_text(card.to_markdown(), "utf-8")
    js.write_text(json.dumps(data, indent=2, default=float), "utf-8")
    return md, js


def _validate(data: Any, sections: tuple[str, ...], what: str) -> None:
    if not isinstance(data, dict):
        raise ValueError(f"a {what} is a dict of sections, got {type(data).__name__}.")
    missing = [s for s in sections if s not in data]
    if missing:
        raise ValueError(f"the {what} lacks the section(s) {', '.join(missing)}.")
    extra = sorted(set(data) - set(sections) - {"format"})
    if extra:
        raise ValueError(f"the {what} has unknown section(s) {', '.join(extra)}.")
    if data.get("format") != CARD_FORMAT:
        raise ValueError(f"the {what} has format {data.get('format')!r}; expected {CARD_FORMAT}.")
    for s in sections:
        v = data[s]
        if not isinstance(v, (dict, str)) or (isinstance(v, str) and not v.strip()):
            raise ValueError(f"section {s!r} of the {what} must be a dict or non-empty text.")


def validate_model_card(data: Any) -> None:
    """Raise ValueError naming the first problem: a missing or unknown section, a wrong
    format, an empty section, a model without a name, tables without rows."""
    _validate(data, CARD_SECTIONS, "model card")
    if not data["model_details"].get("name"):
        raise ValueError("model_details needs a 'name'.")
    for t in data["quantitative_analyses"].get("tables", []):
        if not {"title", "columns", "rows"} <= set(t):
            raise ValueError("each table needs 'title', 'columns' and 'rows'.")
        if any(len(r) != len(t["columns"]) for r in t["rows"]):
            raise ValueError(f"table {t['title']!r} has rows of the wrong length.")


def datasheet_for(data: Any, *, motivation: str, license: str = "see the data source") -> Datasheet:
    """A datasheet whose composition section is computed from a
    :class:`ladder.data.tabular.TabularData`: sizes, features, groups, label rates."""
    y, g = np.asarray(data.y), np.asarray(data.group)
    groups = {
        str(a): {"rows": int((g == a).sum()), "positive_rate": float(y[g == a].mean())}
        for a in np.unique(g)
    }
    return Datasheet(
        motivation={"purpose": motivation},
        composition={
            "source": data.source,
            "rows": int(len(y)),
            "features": list(data.feature_names),
            "target": data.target_name,
            "positive_rate": float(y.mean()),
            "sensitive_attribute": data.group_name,
            "groups": groups,
        },
        distribution={"license": license},
    )


def validate_datasheet(data: Any) -> None:
    _validate(data, DATASHEET_SECTIONS, "datasheet")
    if "rows" not in data["composition"]:
        raise ValueError("the composition section needs 'rows'.")
