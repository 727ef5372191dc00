"""Every stage-7 lab runs in quick mode and reports what its lesson claims.

Each lab goes through ``ladder.study.labs.run_lab``, exactly as ``ladder run`` does, and the
test reads back ``metrics.json``. Parity figures use the margins of ``tests/ethics``; the
privacy and fairness figures are compared with each other (a private model against a
non-private one, a mitigation against the baseline), never with numbers copied from a run.
A model card is written for the fairness run and checked against the schema.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("torch")
pytest.importorskip("fairlearn", reason="could not import fairlearn")

from ladder.curriculum import load_curriculum  # noqa: E402
from ladder.ethics.model_card import validate_model_card, write_model_card  # noqa: E402
from ladder.study.bands import assert_in_band  # noqa: E402
from ladder.study.labs import run_lab  # noqa: E402

LABS = load_curriculum().labs
pytestmark = pytest.mark.filterwarnings("ignore")


def run(lab_id: str, tmp_path):
    result = run_lab(LABS[lab_id], tmp_path, quick=True)
    assert result.status == "done", result.error
    saved = json.loads((result.out_dir / "metrics.json").read_text())
    for figure in saved["figures"]:
        assert (result.out_dir / figure).stat().st_size > 10_000, figure
    assert saved["figures"] and saved["tables"]
    # The figures the lab declares for a quick run (labs.toml bands) hold on this real run.
    assert_in_band(LABS[lab_id], saved["metrics"], quick=True)
    return saved["metrics"], saved["tables"], result.out_dir


@pytest.mark.slow
def test_fairness_audit_and_its_model_card(shared_data, tmp_path):
    m, tables, out_dir = run("ethics.fairness-audit", tmp_path)
    for prefix in ("medical", "synthetic"):
        # our group thresholds give fairlearn's probabilities (tests/ethics: 1e-9)
        assert m[f"{prefix}_threshold_max_probability_diff_vs_fairlearn"] < 1e-9
        mitigations = next(t for t in tables if t["title"].startswith(f"{prefix}: mitigations"))
        for row in mitigations["rows"][2:]:  # thresholds and reductions have a fairlearn twin
            for ours, theirs in zip(row[2:5], row[5:8], strict=True):
                assert abs(ours - theirs) < 1e-6, row
        assert 0.6 < m[f"{prefix}_baseline_accuracy"] < 0.95
    # on the biased synthetic set, the reduction for demographic parity narrows the gap
    assert m["synthetic_exp_gradient_DP_dp_difference"] < m["synthetic_baseline_dp_difference"]
    md, js = write_model_card(out_dir, name="Cardiovascular-disease classifier (teaching)")
    card = json.loads(js.read_text())
    validate_model_card(card)
    assert {"men", "women", "a", "b"} <= set(card["factors"]["groups_evaluated"])
    assert "## Quantitative analyses" in md.read_text()


@pytest.mark.slow
def test_weat_embeddings(shared_data, tmp_path):
    m, tables, _ = run("ethics.weat-embeddings", tmp_path)
    # the control association (instruments pleasant, weapons unpleasant) in MiniLM
    assert m["weat_1_minilm_effect_size"] > 0.5 and m["weat_1_minilm_p_value"] < 0.05
    # hard debiasing removes the projection of neutral words by construction
    assert m["debias_projection_before"] > 0.01 and m["debias_projection_after"] < 1e-10
    assert m["analogy_questions"] > 0
    rows = tables[0]["rows"]
    assert len(rows) == 9 and {r[1] for r in rows} == {
        "ladder Word2Vec (SST-2)",
        "ladder GloVe (SST-2)",
        "all-MiniLM-L6-v2 (SEAT templates)",
    }


@pytest.mark.slow
def test_dp_sgd_mnist(shared_data, tmp_path):
    m, tables, _ = run("ethics.dp-sgd-mnist", tmp_path)
    # per-sample gradients equal Opacus' (float32 kernels: tests/ethics/test_dpsgd.py margins)
    assert m["per_sample_grad_max_diff_vs_opacus"] < 1e-5
    for target in ("8", "1"):
        eps, eps_opacus = m[f"eps{target}_epsilon"], m[f"eps{target}_epsilon_opacus"]
        assert eps == pytest.approx(eps_opacus, rel=1e-9)
        assert eps <= float(target) + 1e-9  # the noise search never overshoots the budget
    # more privacy costs accuracy; the attack does no better than on the non-private model
    assert m["eps1_test_accuracy"] < m["nonprivate_test_accuracy"]
    assert m["eps1_mia_auc"] <= m["nonprivate_mia_auc"]
    assert m["nonprivate_mia_auc"] > 0.5


@pytest.mark.slow
def test_pii_redaction(tmp_path):
    pytest.importorskip("presidio_analyzer", reason="could not import presidio_analyzer")
    m, tables, _ = run("ethics.pii-redaction", tmp_path)
    for kind in ("email", "phone", "credit_card", "iban", "ip", "date"):
        assert m[f"ours_{kind}_precision"] == 1.0 and m[f"ours_{kind}_recall"] == 1.0
    for kind in ("email", "iban", "ip"):
        assert m[f"presidio_{kind}_recall"] == 1.0
    assert m["example_spans_left_by_ours"] == 0
