"""The tutor, generation, translation, summarisation and portfolio services: results,
the "which lab to run" errors, and one clear sentence per kind of bad input.

Models here are tiny and trained for seconds, and the tutor uses a stand-in encoder
(``conftest.HashEncoder``); the labs' tests run the real models.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from ladder.curriculum import load_curriculum  # noqa: E402
from ladder.projects.common import ModelNotTrained, ProjectInputError  # noqa: E402

CUR = load_curriculum()


# -- tutor -------------------------------------------------------------------------------


@pytest.fixture
def tutor(hash_encoder, tmp_path):
    from ladder.projects.tutor import StageView, Tutor

    return Tutor.load(StageView(CUR, ("projects", "transformer")), hash_encoder, tmp_path)


def test_tutor_answers_with_links(tutor):
    a = tutor.ask("How is the brevity penalty of BLEU computed?")
    assert a.intent == "course" and a.passages
    assert a.passages[0].lesson == "projects.translation"
    assert all(p.link.startswith(f"/lessons/{p.lesson}") for p in a.passages)
    json.dumps(a.to_dict())
    small = tutor.ask("Hello, how are you today?")
    assert small.intent == "smalltalk" and small.reply and not small.passages


def test_tutor_bad_input(tutor):
    with pytest.raises(ProjectInputError, match="looks German.*ask it in English"):
        tutor.ask("Was ist die Strafe für zu kurze Übersetzungen und warum?")
    with pytest.raises(ProjectInputError, match="empty"):
        tutor.ask("   ")
    long = tutor.ask("what is reciprocal rank fusion " * 40)
    assert long.notice and "first 100" in long.notice


def test_index_cache_is_reused(hash_encoder, tmp_path):
    from ladder.projects.course_index import CourseIndex, course_passages

    passages = course_passages(CUR)[:40]
    CourseIndex.build(passages, hash_encoder, tmp_path)
    calls = hash_encoder.calls
    again = CourseIndex.build(passages, hash_encoder, tmp_path)
    assert hash_encoder.calls == calls  # read from tutor-<fingerprint>.npz, not re-encoded
    assert len(list(tmp_path.glob("tutor-*.npz"))) == 1 and len(again.passages) == 40
    changed = passages[:39] + [passages[39].__class__(**{**passages[39].__dict__, "text": "new"})]
    CourseIndex.build(changed, hash_encoder, tmp_path)
    assert len(list(tmp_path.glob("tutor-*.npz"))) == 2  # a changed course gets a new index


def test_passages_cover_lessons_cards_docstrings():
    from ladder.projects.course_index import course_passages, slugify

    ps = course_passages(CUR)
    kinds = {p.kind for p in ps}
    assert kinds == {"lesson", "card", "docstring"}
    assert any(p.id == "doc:ladder.projects.bleu.corpus_bleu" for p in ps)
    assert slugify("Reciprocal-rank fusion") == "reciprocal-rank-fusion"
    assert slugify("BM25: exact words") == "bm25-exact-words"


# -- generation --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gpt_runs(tmp_path_factory):
    from ladder.transformer.shakespeare import train

    runs = tmp_path_factory.mktemp("runs")
    out = runs / "transformer.gpt-shakespeare" / "20260101-000000"
    from ladder.transformer.shakespeare import load_text

    # every character of Tiny Shakespeare once (the real 65-character vocabulary), then a line
    alphabet = "".join(sorted(set(load_text())))
    text = alphabet + "\n" + "ROMEO: But soft, what light through yonder window breaks?\n" * 40
    train(
        max_iters=3,
        out_dir=out,
        text=text,
        batch_size=2,
        eval_iters=1,
        eval_interval=100,
        final_eval_iters=1,
        sample_chars=5,
    )
    return runs


def test_generate_needs_the_lab(tmp_path):
    from ladder.projects.generate import Generator

    with pytest.raises(ModelNotTrained, match=r"ladder run transformer\.gpt-shakespeare"):
        Generator.load(tmp_path)


def test_stream_equals_gpt_generate(gpt_runs):
    from ladder.projects.generate import Generator
    from ladder.transformer.shakespeare import generate_from_checkpoint

    g = Generator.load(gpt_runs)
    pieces = list(g.stream("ROMEO:", 70, temperature=0.9, top_k=5, seed=3))
    assert len(pieces) == 70 and all(len(p) == 1 for p in pieces)
    ckpt = next(gpt_runs.glob("*/*/ckpt.pt"))
    # 70 > 64 new characters: the cache is refilled once, as GPT.generate does
    ref = generate_from_checkpoint(ckpt, "ROMEO:", 70, temperature=0.9, top_k=5, seed=3)
    assert "ROMEO:" + "".join(pieces) == ref
    res = g.generate("ROMEO:", 10, seed=3)
    assert len(res.text) == 10 and res.notice is None


def test_generate_bad_input_and_perplexity(gpt_runs):
    from ladder.projects.generate import Generator

    g = Generator.load(gpt_runs)
    with pytest.raises(ProjectInputError, match="prompt is empty"):
        g.generate("")
    with pytest.raises(ProjectInputError, match="never saw"):
        g.generate("Zebra €")
    with pytest.raises(ProjectInputError, match="temperature"):
        g.generate("ROMEO", temperature=0)
    long = g.generate("ROMEO: " * 20, 2)
    assert long.notice and "last 64" in long.notice and len(long.prompt) == 64
    # perplexity of a uniform-ish untrained model is below the vocabulary size
    ppl = g.perplexity("ROMEO: But soft, what light")
    assert 1 < ppl < 2 * g.tok.vocab_size


def test_ngram_char_perplexity_counts_line_ends():
    from ladder.nlp.ngram import Laplace
    from ladder.projects.generate import ngram_char_perplexity

    lm = Laplace(2).fit([list("ab"), list("ba")])
    # events: a|<s>, b|a, </s>|b for "ab": three per two-character line, no extra padding
    p = [lm.score("a", ["<s>"]), lm.score("b", ["a"]), lm.score("</s>", ["b"])]
    assert ngram_char_perplexity(lm, ["ab"]) == pytest.approx(np.exp(-np.mean(np.log(p))))


# -- translation -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def translator_runs(tmp_path_factory):
    from ladder.data.multi30k import load_multi30k
    from ladder.projects.translator import TranslatorConfig, train_translator

    runs = tmp_path_factory.mktemp("runs")
    cfg = TranslatorConfig(
        vocab_size=400,
        d_model=16,
        n_head=2,
        n_layers=1,
        d_ff=32,
        batch_tokens=400,
        cpu_minutes=0.01,
        eval_every_minutes=1,
        eval_sentences=5,
        max_len=24,
        max_train_pairs=300,
        warmup_steps=2,
    )
    train_translator(
        cfg,
        load_multi30k("train"),
        load_multi30k("val"),
        out_dir=runs / "projects.train-translator" / "20260101-000000",
    )
    return runs


def test_translate_needs_the_lab(tmp_path):
    from ladder.projects.translate import translate

    with pytest.raises(ModelNotTrained, match=r"ladder run projects\.train-translator"):
        translate("A dog runs.", runs_dir=tmp_path)


def test_translate_service(translator_runs):
    from ladder.projects.translate import Translator

    t = Translator.load(translator_runs)
    r = t.translate("A man rides a bike. Two dogs play.", beam_size=2)
    assert r.direction == "en-de" and len(r.sentences) == 2
    json.dumps(r.to_dict())
    long = t.translate("A man " + "with a very big red hat " * 10 + "walks.", beam_size=1)
    assert long.notice and "context" in long.notice


def test_translate_bad_input(translator_runs):
    from ladder.projects.translate import Translator, parse_direction

    t = Translator.load(translator_runs)
    assert parse_direction("EN→DE") == "en-de"
    with pytest.raises(ProjectInputError, match="unknown language direction 'de-en'"):
        t.translate("Ein Hund.", direction="de-en")
    with pytest.raises(ProjectInputError, match="looks German"):
        t.translate("Ein Mann fährt mit dem Fahrrad und der Hund läuft.")
    with pytest.raises(ProjectInputError, match="empty"):
        t.translate("")
    with pytest.raises(ProjectInputError, match="beam_size"):
        t.translate("A dog.", beam_size=0)


def test_beam_search_worked_example():
    """A 3-token model (0, 1, EOS = 2; BOS = 3) whose best output greedy decoding misses.

    From BOS: p = (0.5, 0.4, 0.1). After 0: (0.36, 0.34, 0.3). After 1: (0.05, 0.05, 0.9).
    Greedy takes 0 (0.5) and can then reach at most 0.5 · 0.36. Beam 2 keeps "1" too and
    finishes "1 EOS" with 0.4 · 0.9 = 0.36 > 0.5 · 0.3 = 0.15 ("0 EOS") > 0.1 ("EOS").
    """
    from ladder.projects.beam import beam_search

    rows = {3: [0.5, 0.4, 0.1], 0: [0.36, 0.34, 0.3], 1: [0.05, 0.05, 0.9]}

    def step(batch_rows, prefix):
        return torch.log(torch.tensor([rows[int(t)] for t in prefix[:, -1]]))

    assert beam_search(step, 1, bos_id=3, eos_id=2, max_len=3, beam_size=2, length_penalty=0.0) == [
        [1]
    ]
    # beam 1 is greedy: always the most likely token
    assert beam_search(step, 1, bos_id=3, eos_id=2, max_len=3, beam_size=1) == [[0, 0, 0]]


def test_beam_one_equals_greedy_decode():
    from ladder.projects.beam import beam_search
    from ladder.transformer.seq2seq import Seq2SeqConfig, Seq2SeqTransformer

    torch.manual_seed(0)
    m = Seq2SeqTransformer(
        Seq2SeqConfig(
            11,
            11,
            d_model=16,
            n_head=2,
            n_encoder_layers=1,
            n_decoder_layers=1,
            d_ff=32,
            dropout=0.0,
        )
    ).eval()
    src = torch.randint(3, 11, (4, 5))
    greedy = m.greedy_decode(src, bos_id=1, eos_id=2, max_len=8).tolist()
    memory, mask = m.encode(src)
    beams = beam_search(
        lambda r, p: m.decode(p, memory[r], mask[r])[:, -1], 4, 1, 2, 8, beam_size=1
    )
    for g, b in zip(greedy, beams, strict=True):
        g = g[1:]
        assert b == (g[: g.index(2)] if 2 in g else g)


# -- summarisation -----------------------------------------------------------------------


def test_summarize_methods(hash_encoder):
    from ladder.data.summarization import load_scitldr
    from ladder.projects.summarize import summarize

    text = load_scitldr("test")[0].text
    lead = summarize(text, "lead", 2)
    assert lead.selected == [0, 1]
    for method in ("textrank", "mmr"):
        r = summarize(text, method, 2, encoder=hash_encoder)
        assert len(r.selected) == 2 and r.selected == sorted(r.selected)
        json.dumps(r.to_dict())


def test_summarize_bad_input(hash_encoder, tmp_path):
    from ladder.projects.summarize import MAX_SENTENCES, split_document, summarize, summarize_file

    with pytest.raises(ModelNotTrained, match=r"ladder run projects\.train-summarizer"):
        summarize("A text. Another.", "abstractive", runs_dir=tmp_path)
    with pytest.raises(ProjectInputError, match="unknown method"):
        summarize("A text.", "lsa")
    with pytest.raises(ProjectInputError, match="empty"):
        summarize("  ")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02")
    with pytest.raises(ProjectInputError, match="binary file"):
        summarize_file(tmp_path / "doc.pdf")
    long = summarize(
        " ".join(f"Sentence number {i} is here." for i in range(MAX_SENTENCES + 5)), "lead"
    )
    assert long.notice and str(MAX_SENTENCES) in long.notice
    turns = split_document("#Person1#: Hi.\n#Person2#: Hello. How are you?\n#Person1#: Fine.")
    assert len(turns) == 3


def test_oracle_beats_single_sentences():
    from ladder.projects.rouge import rouge
    from ladder.projects.summarize import oracle_indices

    sents = ["The cat sat.", "Dogs bark loudly at night.", "The weather is fine."]
    refs = ["dogs bark at night"]
    best = oracle_indices(sents, refs, 1)
    assert best == [1]
    scores = [rouge(s, refs, ("rouge1", "rouge2")) for s in sents]
    assert (
        max(range(3), key=lambda i: scores[i]["rouge1"].fmeasure + scores[i]["rouge2"].fmeasure)
        == 1
    )


# -- portfolio ---------------------------------------------------------------------------


def test_portfolio_site(tmp_path):
    from ladder.projects.portfolio import build
    from ladder.study.workspace import Workspace

    ws = tmp_path / "ws"
    Workspace.init(ws, CUR)
    w = Workspace(ws)
    w.store.mark_read("projects.sentiment")
    w.store.record_attempt("projects.lcs", "passed")
    w.close()
    run = ws / "runs" / "projects.evaluate-sentiment" / "20260101-000000"
    run.mkdir(parents=True)
    (run / "plot.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    (run / "metrics.json").write_text(
        json.dumps(
            {
                "lab": "projects.evaluate-sentiment",
                "status": "done",
                "seconds": 3.2,
                "quick": True,
                "metrics": {"accuracy_ours_tweets": 0.71, "confusion": [[1, 2], [3, 4]]},
                "tables": [{"title": "T <b>", "columns": ["a", "b"], "rows": [[1, None]]}],
                "figures": ["plot.png"],
            }
        )
    )
    rep = build(ws, tmp_path / "site", CUR)
    site = tmp_path / "site"
    assert rep.runs == 1 and rep.lessons_read == 1 and rep.exercises_passed == 1
    index = (site / "index.html").read_text()
    page = (site / rep.pages[1]).read_text()
    assert "Sentiment analysis" in index and "Intended use" in index and "0.71" in index
    assert (
        "T &lt;b&gt;" in page
        and (site / "runs/projects.evaluate-sentiment/20260101-000000/plot.png").is_file()
    )
    for html in [index, page]:  # nothing loaded from elsewhere
        assert "http://" not in html and "https://" not in html and "<script" not in html
    assert (site / "README.md").read_text().startswith("# My Ladder portfolio")
    with pytest.raises(ValueError, match="no workspace"):
        build(tmp_path / "nope", tmp_path / "x", CUR)


def test_perplexity_comparison_rows(gpt_runs):
    from ladder.projects.generate import Generator, perplexity_comparison

    rows = perplexity_comparison(Generator.load(gpt_runs), n_chars=3000, orders=(3,))
    assert [r["model"].split(" (")[0] for r in rows] == ["Shakespeare GPT", "Kneser–Ney 3-gram"]
    # a character trigram fit on 1 M characters predicts held-out Shakespeare far better
    # than guessing among 65 characters, and is a proper model (perplexity > 1)
    assert 1 < rows[1]["perplexity"] < 65
    assert rows[0]["perplexity"] > 1
