"""Stage 4 (NLP) figures: ours beside NLTK, Hugging Face tokenizers and gensim, same run.

Rows follow the contract of ``benchmarks/run.py``. Times are medians of repeats measured
with ``time.perf_counter``; ``quick=True`` shrinks every workload to finish in seconds.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable

__all__ = ["run"]


def _median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _hf_bpe_train(text: str, vocab_size: int, pattern: str) -> object:
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(pattern), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        show_progress=False,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tok.train_from_iterator([text], trainer=trainer)
    return tok


def _bpe_rows(text: str, quick: bool) -> list[dict]:
    from ladder.nlp.bpe import GPT2_SPLIT_PATTERN, GPT2BPETokenizer, train_bpe_naive

    rows = []
    vocab = 1024 if not quick else 400
    corpus = text if not quick else text[:200_000]
    reps = 3 if not quick else 1
    ours = _median_time(lambda: GPT2BPETokenizer().train(corpus, vocab), reps)
    hf = _median_time(lambda: _hf_bpe_train(corpus, vocab, GPT2_SPLIT_PATTERN), reps)
    rows.append(
        {
            "benchmark": f"BPE training to {vocab} tokens",
            "ours": ours,
            "reference": hf,
            "reference_name": "HF tokenizers BpeTrainer (Rust)",
            "unit": "s",
            "better": "lower",
            "note": f"Tiny Shakespeare, {len(corpus):,} chars, GPT-2 split",
        }
    )
    small = text[: 100_000 if not quick else 30_000]
    small_vocab = 1024 if not quick else 300
    ours_small = _median_time(lambda: GPT2BPETokenizer().train(small, small_vocab), reps)
    naive = _median_time(lambda: train_bpe_naive(small, small_vocab), 1)
    rows.append(
        {
            "benchmark": f"BPE training to {small_vocab} tokens vs naive re-count",
            "ours": ours_small,
            "reference": naive,
            "reference_name": "naive re-count-every-merge (ladder.nlp.bpe.train_bpe_naive)",
            "unit": "s",
            "better": "lower",
            "note": f"first {len(small):,} chars of Tiny Shakespeare; same merges",
        }
    )
    tok = GPT2BPETokenizer().train(corpus, vocab)
    hf_tok = _hf_bpe_train(corpus, vocab, GPT2_SPLIT_PATTERN)
    held = text[-300_000:] if not quick else text[-50_000:]

    def ours_encode() -> None:
        tok._cache.clear()
        tok.encode(held)

    t_ours = _median_time(ours_encode, reps)
    t_hf = _median_time(lambda: hf_tok.encode(held), reps)
    rows.append(
        {
            "benchmark": "BPE encode throughput",
            "ours": len(held) / t_ours,
            "reference": len(held) / t_hf,
            "reference_name": "HF tokenizers encode (Rust)",
            "unit": "chars/s",
            "better": "higher",
            "note": f"{len(held):,} chars of Tiny Shakespeare, cold chunk cache",
        }
    )
    return rows


def _word2vec_rows(text: str, quick: bool) -> list[dict]:
    from gensim.models import Word2Vec as GensimWord2Vec

    from ladder.nlp.tokenize import simple_tokenize
    from ladder.nlp.word2vec import Word2Vec

    lines = [simple_tokenize(l) for l in text.splitlines() if l.strip()]
    if quick:
        lines = lines[:4000]
    n_words = sum(map(len, lines))
    kw = dict(vector_size=100, window=5, min_count=5, sg=1, negative=5, sample=1e-3, epochs=1)
    ours = _median_time(lambda: Word2Vec(**kw).fit(lines), 1)
    ref = _median_time(lambda: GensimWord2Vec(lines, workers=1, seed=1, **kw), 1)
    return [
        {
            "benchmark": "Word2Vec skip-gram training speed",
            "ours": n_words / ours,
            "reference": n_words / ref,
            "reference_name": "gensim Word2Vec, workers=1",
            "unit": "words/s",
            "better": "higher",
            "note": f"Tiny Shakespeare, {n_words:,} words, 1 epoch, d=100, window 5, k=5",
        }
    ]


def _kneser_ney_rows(text: str, quick: bool) -> list[dict]:
    from nltk import lm as nltk_lm

    from ladder.nlp.ngram import pad_sentence, padded_everygrams
    from ladder.nlp.ngram_trie import KneserNeyInterpolated
    from ladder.nlp.tokenize import simple_tokenize

    lines = [simple_tokenize(l) for l in text.splitlines() if l.strip()]
    train, test = lines[:30000], lines[30000:]
    if quick:
        train = train[:3000]
    n_scores = 200 if not quick else 30

    def fit_ref() -> object:
        ref = nltk_lm.KneserNeyInterpolated(3)
        # nltk fitted on our padding (n - 1 <s>, one </s>), as nltk's own pipeline would
        # build its n-grams: everygrams per sentence and the padded words as vocabulary.
        ref.fit(
            [padded_everygrams(s, 3) for s in train],
            [w for s in train for w in pad_sentence(s, 3)],
        )
        return ref

    t_ours = _median_time(lambda: KneserNeyInterpolated(3).fit(train), 3 if quick else 5)
    t_ref = _median_time(fit_ref, 1)
    ours, ref = KneserNeyInterpolated(3).fit(train), fit_ref()
    grams = ours.ngrams_of(test)[:n_scores]
    s_ours = _median_time(lambda: [ours.score(g[-1], g[:-1]) for g in grams], 3)
    s_ref = _median_time(lambda: [ref.score(g[-1], g[:-1]) for g in grams], 1)
    diff = max(abs(ours.score(g[-1], g[:-1]) - ref.score(g[-1], g[:-1])) for g in grams)
    n_tokens = sum(map(len, train))
    return [
        {
            "benchmark": "Kneser-Ney trigram fit",
            "ours": t_ours,
            "reference": t_ref,
            "reference_name": "nltk.lm.KneserNeyInterpolated",
            "unit": "s",
            "better": "lower",
            "note": f"Tiny Shakespeare, {len(train):,} lines ({n_tokens:,} tokens); "
            "ladder.nlp.ngram_trie: integer ids, each position's n codes packed in an int64 "
            "and sorted once, a trie in sorted arrays; the one dictionary look-up per token "
            "(Python) is half of the time",
        },
        {
            "benchmark": "Kneser-Ney trigram scoring",
            "ours": s_ours / len(grams),
            "reference": s_ref / len(grams),
            "reference_name": "nltk.lm.KneserNeyInterpolated",
            "unit": "s/score",
            "better": "lower",
            "note": f"{len(grams)} held-out trigrams, one score() call each; max |score "
            f"difference| {diff:.1e}",
        },
    ]


def _stemmer_rows(text: str, quick: bool) -> list[dict]:
    import snowballstemmer
    from nltk.stem import PorterStemmer as NltkPorter

    from ladder.nlp.porter import PorterStemmer
    from ladder.nlp.snowball import SnowballStemmer

    words = sorted({w.lower() for w in re.findall(r"[A-Za-z]+", text)})
    if quick:
        words = words[:3000]
    note = f"{len(words):,} distinct words of Tiny Shakespeare, no cache"
    porter, ref = PorterStemmer(cache=False), NltkPorter(mode=NltkPorter.ORIGINAL_ALGORITHM)
    snowball, snowball_ref = SnowballStemmer(cache=False), snowballstemmer.stemmer("english")
    t_porter = _median_time(lambda: [porter.stem(w) for w in words], 3)
    t_ref = _median_time(lambda: [ref.stem(w) for w in words], 3)
    t_snowball = _median_time(lambda: [snowball.stem(w) for w in words], 3)
    t_snowball_ref = _median_time(lambda: [snowball_ref.stemWord(w) for w in words], 3)
    differ = sum(porter.stem(w) != snowball.stem(w) for w in words) / len(words)
    row = {"unit": "words/s", "better": "higher"}
    return [
        {
            **row,
            "benchmark": "Porter stemming",
            "ours": len(words) / t_porter,
            "reference": len(words) / t_ref,
            "reference_name": "NLTK PorterStemmer (ORIGINAL_ALGORITHM)",
            "note": note,
        },
        {
            **row,
            "benchmark": "Snowball English stemming",
            "ours": len(words) / t_snowball,
            "reference": len(words) / t_snowball_ref,
            "reference_name": "snowballstemmer 3 (pure Python)",
            "note": note,
        },
        {
            **row,
            "benchmark": "Snowball vs Porter stemming (both ours)",
            "ours": len(words) / t_snowball,
            "reference": len(words) / t_porter,
            "reference_name": "ladder.nlp.porter (Porter 1980)",
            "note": f"{note}; the two stems differ on {differ:.1%} of the words",
        },
    ]


def run(quick: bool = False) -> list[dict]:
    """All NLP rows; ``quick`` for the smoke test (seconds instead of minutes)."""
    from ladder.data.text import tiny_shakespeare

    text = tiny_shakespeare()
    rows: list[dict] = []
    for part in (_bpe_rows, _word2vec_rows, _kneser_ney_rows, _stemmer_rows):
        rows += part(text, quick)
    return rows


if __name__ == "__main__":
    import json
    import sys

    for row in run(quick="--quick" in sys.argv):
        print(json.dumps(row))
