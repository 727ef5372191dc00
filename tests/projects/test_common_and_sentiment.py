"""Input checks shared by the tools, and the sentiment service: results, explanations,
CSV batches, the fine-tuned hook, and one clear sentence per kind of bad input."""

from __future__ import annotations

import pytest

from ladder.projects import sentiment
from ladder.projects.common import (
    ModelNotTrained,
    ProjectInputError,
    check_text,
    guess_language,
    latest_run_file,
    looks_binary,
    read_text_file,
    truncate_words,
)


def test_check_text_and_files(tmp_path):
    assert check_text("  hi  ") == "hi"
    for bad, match in (
        ("", "is empty"),
        ("   ", "is empty"),
        (b"x", "bytes"),
        (3, "must be a str"),
        ("a\x00b", "looks binary"),
    ):
        with pytest.raises(ProjectInputError, match=match):
            check_text(bad)
    (tmp_path / "b.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "e.txt").write_text("  \n")
    (tmp_path / "ok.txt").write_text("Hello.")
    with pytest.raises(ProjectInputError, match="binary file"):
        read_text_file(tmp_path / "b.bin")
    with pytest.raises(ProjectInputError, match="is empty"):
        read_text_file(tmp_path / "e.txt")
    with pytest.raises(ProjectInputError, match="no file"):
        read_text_file(tmp_path / "missing.txt")
    assert read_text_file(tmp_path / "ok.txt") == "Hello."
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00") and not looks_binary("héllo".encode())


def test_truncate_and_language():
    text, notice = truncate_words("a " * 10, 4)
    assert text == "a a a a" and "10 words" in notice
    assert truncate_words("a b", 4) == ("a b", None)
    assert guess_language("Was ist ein Transformer und warum ist er gut?") == "de"
    assert guess_language("Qu'est-ce que la pénalité de brièveté ?") == "fr"
    assert guess_language("Что такое BLEU?") == "ru"
    assert guess_language("What is the brevity penalty of BLEU?") == "en"
    assert guess_language("BM25") == "en"


def test_latest_run_file_orders_runs(tmp_path):
    for name in ("20260101-120000", "20260101-120000-2", "20251231-235959", "20260101-120000-10"):
        (tmp_path / "lab.x" / name).mkdir(parents=True)
        (tmp_path / "lab.x" / name / "m.pt").write_text(name)
    assert latest_run_file(tmp_path, "lab.x", "m.pt").parent.name == "20260101-120000-10"
    assert latest_run_file(tmp_path, "lab.y", "m.pt") is None
    assert latest_run_file(None, "lab.x", "m.pt") is None


@pytest.fixture
def small_default(monkeypatch, tiny_sentiment):
    monkeypatch.setattr(sentiment, "default_model", lambda: tiny_sentiment)
    return tiny_sentiment


def test_analyze_results_are_plain_data(small_default):
    import json

    res = sentiment.analyze(["I love this, it is wonderful", "worst service ever, never again"])
    assert [r.label for r in res] == ["positive", "negative"]
    for r in res:
        assert sum(r.probabilities.values()) == pytest.approx(1.0)
        assert r.probability == max(r.probabilities.values())
        assert all(w.weight > 0 for w in r.pushed_for) and all(
            w.weight < 0 for w in r.pushed_against
        )
        json.dumps(r.to_dict())


def test_linear_explanation_is_exact(tiny_sentiment):
    # the pushes of all the text's terms add up to the logit of the label minus the mean
    # logit, intercepts aside: z_c − mean_k z_k = Σ_w x_w (β_cw − mean_k β_kw) + (b_c − mean b)
    m = tiny_sentiment
    text = "the food was great but the service was terrible"
    x = m.vectorizer_.transform([text]).toarray()[0]
    z = m.classifier_.decision_function(x[None])[0]
    b = m.classifier_.intercept_
    for c in range(len(m.labels)):
        total = sum(v for _, v in m.explain(text, c))
        assert total == pytest.approx(z[c] - z.mean() - (b[c] - b.mean()), abs=1e-10)


def test_long_text_is_truncated_with_notice(small_default):
    r = sentiment.analyze("good " * (sentiment.MAX_WORDS + 50))[0]
    assert r.notice and str(sentiment.MAX_WORDS) in r.notice


def test_bad_inputs_one_sentence(small_default, tmp_path):
    with pytest.raises(ProjectInputError, match="empty"):
        sentiment.analyze([""])
    with pytest.raises(ProjectInputError, match="no texts"):
        sentiment.analyze([])
    with pytest.raises(ProjectInputError, match="unknown model"):
        sentiment.load_model("bert")
    csv = tmp_path / "r.csv"
    csv.write_text("id,review\n1,great film\n2,\n3,awful acting\n")
    with pytest.raises(ProjectInputError, match="no column 'text'; its columns are 'id', 'review'"):
        sentiment.analyze_csv(csv, "text")
    (tmp_path / "x.csv").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ProjectInputError, match="binary file"):
        sentiment.analyze_csv(tmp_path / "x.csv", "text")
    (tmp_path / "e.csv").write_text("id,text\n1,\n")
    with pytest.raises(ProjectInputError, match="no text in any row"):
        sentiment.analyze_csv(tmp_path / "e.csv", "text")
    out = sentiment.analyze_csv(csv, "review")
    assert out.rows[1] is None and out.skipped_empty == 1 and sum(out.counts.values()) == 2


def test_finetuned_hook(tmp_path):
    with pytest.raises(ModelNotTrained, match=r"ladder run llm\.finetune-sentiment"):
        sentiment.load_model("finetuned", tmp_path)
    torch = pytest.importorskip("torch")
    from ladder.transformer.bert import BertConfig, BertEncoder

    torch.manual_seed(0)
    enc = BertEncoder(BertConfig(n_layer=1, n_head=2, n_embd=16, d_ff=32, dropout=0.0))
    head = torch.nn.Linear(16, 2)
    run = tmp_path / sentiment.FINETUNED_LABS[0] / "20260101-000000"
    run.mkdir(parents=True)
    sentiment.save_finetuned(run / sentiment.FINETUNED_FILE, enc, head, ["negative", "positive"])
    model = sentiment.load_model("auto", tmp_path)
    assert isinstance(model, sentiment.FinetunedSentiment)
    r = model.analyze(["a fine film with a dull end"])[0]
    assert r.label in ("negative", "positive") and abs(sum(r.probabilities.values()) - 1) < 1e-6
    # occlusion: each shown word's weight is the drop of the label's probability
    P = model.predict_proba(["a fine film with a dull end", "fine film with a dull end"])
    first = [w for w in r.pushed_for + r.pushed_against if w.word == "a"]
    k = model.labels.index(r.label)
    assert any(abs(w.weight - (P[0, k] - P[1, k])) < 1e-5 for w in first)
