"""Model cards and datasheets: the schema, and cards written from real lab run folders."""

from __future__ import annotations

import json

import pytest

from ladder.ethics.model_card import (
    CARD_SECTIONS,
    datasheet_for,
    model_card_from_run,
    validate_datasheet,
    validate_model_card,
    worst_group_gap,
    write_model_card,
)


def fake_run(tmp_path, **extra):
    run = {
        "format": 1,
        "lab": "ethics.fairness-audit",
        "status": "done",
        "error": None,
        "started": "2026-12-05T08:00:00+00:00",
        "seconds": 1.5,
        "quick": True,
        "metrics": {"accuracy": 0.73, "dp_difference": 0.04, "note": "x", "curve": [1, 2]},
        "tables": [
            {
                "title": "Baseline by gender",
                "columns": ["group", "accuracy", "FPR"],
                "rows": [["women", 0.72, 0.20], ["men", 0.75, 0.31], ["overall", 0.73, 0.24]],
            },
            {"title": "Other", "columns": ["model", "seconds"], "rows": [["ours", 1.0]]},
        ],
        "figures": [],
        **extra,
    }
    (tmp_path / "metrics.json").write_text(json.dumps(run))
    return tmp_path


def test_card_from_a_run_has_every_section_and_the_group_table(tmp_path):
    card = model_card_from_run(fake_run(tmp_path))
    d = card.to_dict()
    validate_model_card(d)
    assert tuple(k for k in d if k != "format") == CARD_SECTIONS
    assert d["factors"]["groups_evaluated"] == ["men", "women"]
    assert d["metrics"] == {"accuracy": 0.73, "dp_difference": 0.04, "note": "x"}
    worst = d["quantitative_analyses"]["worst_group"]
    assert worst["Baseline by gender: accuracy"] == {
        "worst_group": "women",
        "value": 0.72,
        "best_group": "men",
        "gap": 0.03,
    }
    # a false positive rate is worse when higher
    assert worst["Baseline by gender: FPR"]["worst_group"] == "men"
    md = card.to_markdown()
    assert md.startswith("# Model card: ethics.fairness-audit")
    assert "| women | 0.72 | 0.2 |" in md and "## Ethical considerations" in md


def test_write_model_card_files(tmp_path):
    md, js = write_model_card(fake_run(tmp_path), name="Baseline classifier")
    data = json.loads(js.read_text())
    validate_model_card(data)
    assert data["model_details"]["name"] == "Baseline classifier"
    assert md.read_text().startswith("# Model card: Baseline classifier")


def test_schema_rejects_broken_cards(tmp_path):
    good = model_card_from_run(fake_run(tmp_path)).to_dict()
    bad = dict(good)
    del bad["factors"]
    with pytest.raises(ValueError, match="lacks the section\\(s\\) factors"):
        validate_model_card(bad)
    with pytest.raises(ValueError, match="unknown section\\(s\\) vibes"):
        validate_model_card({**good, "vibes": {}})
    with pytest.raises(ValueError, match="has format 2"):
        validate_model_card({**good, "format": 2})
    with pytest.raises(ValueError, match="'ethical_considerations' .* non-empty text"):
        validate_model_card({**good, "ethical_considerations": " "})
    t = {"title": "t", "columns": ["group", "a"], "rows": [["x"]]}
    with pytest.raises(ValueError, match="rows of the wrong length"):
        validate_model_card({**good, "quantitative_analyses": {"tables": [t]}})


def test_bad_run_folders(tmp_path):
    with pytest.raises(FileNotFoundError, match="metrics.json does not exist"):
        model_card_from_run(tmp_path)
    (tmp_path / "metrics.json").write_text("{nope")
    with pytest.raises(ValueError, match="is not valid JSON"):
        model_card_from_run(tmp_path)
    (tmp_path / "metrics.json").write_text(json.dumps({"lab": "x", "metrics": {}}))
    with pytest.raises(ValueError, match="has no 'tables'"):
        model_card_from_run(tmp_path)
    fake_run(tmp_path, status="failed", error="boom")
    with pytest.raises(ValueError, match="failed: boom"):
        model_card_from_run(tmp_path)


def test_worst_group_gap():
    assert worst_group_gap({"a": 0.2, "b": 0.5, "c": 0.3}, higher_is_better=False) == {
        "worst_group": "b",
        "value": 0.5,
        "best_group": "a",
        "gap": 0.3,
    }
    with pytest.raises(ValueError, match="non-empty dict"):
        worst_group_gap({})
    with pytest.raises(ValueError, match="the value of group 'b' is None"):
        worst_group_gap({"a": 0.1, "b": None})


def test_datasheet_from_data():
    from ladder.data.synthetic import make_biased_classification

    sheet = datasheet_for(make_biased_classification(500, random_state=1), motivation="teaching")
    d = sheet.to_dict()
    validate_datasheet(d)
    assert d["composition"]["rows"] == 500
    assert set(d["composition"]["groups"]) == {"a", "b"}
    del d["uses"]
    with pytest.raises(ValueError, match="lacks the section\\(s\\) uses"):
        validate_datasheet(d)
