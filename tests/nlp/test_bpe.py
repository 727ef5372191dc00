"""Byte-level BPE: round trip, save/load, and identical ids from Hugging Face tokenizers."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.nlp.bpe import (
    ByteLevelBPE,
    GPT2BPETokenizer,
    GPT4BPETokenizer,
    train_bpe_naive,
)
from ladder.nlp.hf_bpe import save_hf

SPECIAL = ["<|endoftext|>", "<|pad|>"]


@pytest.fixture(scope="module")
def trained(shakespeare: str) -> dict[str, ByteLevelBPE]:
    # Train on the first 300,000 characters; the rest of the text is held out.
    train = shakespeare[:300_000]
    return {
        cls.__name__: cls().train(train, 512, special_tokens=SPECIAL)
        for cls in (GPT2BPETokenizer, GPT4BPETokenizer)
    }


@pytest.mark.parametrize("name", ["GPT2BPETokenizer", "GPT4BPETokenizer"])
def test_hf_tokenizers_loads_export_and_gives_identical_ids(
    trained: dict[str, ByteLevelBPE], name: str, shakespeare: str, pydoc_text: str, tmp_path
) -> None:
    tokenizers = pytest.importorskip("tokenizers")
    tok = trained[name]
    path = tmp_path / "tokenizer.json"
    save_hf(tok, path)
    hf = tokenizers.Tokenizer.from_file(str(path))
    # Held-out text: the last 800k characters of Tiny Shakespeare, 100k of pydoc topics
    # (code, digits, brackets), accents, CJK, emoji, CRLF and special tokens.
    held_out = (
        shakespeare[300_000:]
        + pydoc_text[:100_000]
        + "\r\n  naïve café 中文字 😀👍🏽 12345678 <|endoftext|>x<|pad|> it's  \n\n"
    )
    ours = tok.encode(held_out)
    assert hf.encode(held_out).ids == ours  # exact ids
    assert hf.decode(ours, skip_special_tokens=False) == held_out
    assert tok.decode(ours) == held_out


def test_fast_training_learns_the_naive_merges(shakespeare: str) -> None:
    text = shakespeare[:30_000]
    assert GPT2BPETokenizer().train(text, 320).merges_ == train_bpe_naive(text, 320)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_round_trip_any_unicode(trained: dict[str, ByteLevelBPE], s: str) -> None:
    for tok in trained.values():
        assert tok.decode(tok.encode(s)) == s
        assert tok.decode(tok.encode_ordinary(s)) == s


def test_special_tokens(trained: dict[str, ByteLevelBPE]) -> None:
    tok = trained["GPT2BPETokenizer"]
    eot = tok.special_tokens_["<|endoftext|>"]
    assert tok.encode("a<|endoftext|>b") == [*tok.encode("a"), eot, *tok.encode("b")]
    assert eot not in tok.encode("a<|endoftext|>b", allowed_special="none")
    with pytest.raises(ValueError, match="unknown special tokens"):
        tok.encode("x", allowed_special={"<|nope|>"})
    assert tok.vocab_size == 512 + len(SPECIAL)


def test_save_load_and_wrong_files(
    trained: dict[str, ByteLevelBPE], tmp_path, shakespeare: str
) -> None:
    tok = trained["GPT4BPETokenizer"]
    path = tmp_path / "bpe.json"
    tok.save(path)
    back = ByteLevelBPE.load(path)
    sample = shakespeare[-5000:]
    assert back.encode(sample) == tok.encode(sample) and back.pattern == tok.pattern
    # A Hugging Face file is another format: a clear error, not a crash.
    save_hf(tok, tmp_path / "hf.json")
    with pytest.raises(ValueError, match="not a ladder BPE file"):
        ByteLevelBPE.load(tmp_path / "hf.json")
    data = json.loads(path.read_text())
    data["version"] = 99
    (tmp_path / "v99.json").write_text(json.dumps(data))
    with pytest.raises(ValueError, match="version 99"):
        ByteLevelBPE.load(tmp_path / "v99.json")
    (tmp_path / "junk.json").write_text("not json")
    with pytest.raises(ValueError, match="not a JSON"):
        ByteLevelBPE.load(tmp_path / "junk.json")


def test_bad_input(trained: dict[str, ByteLevelBPE]) -> None:
    tok = trained["GPT2BPETokenizer"]
    assert tok.encode("") == [] and tok.decode([]) == ""
    with pytest.raises(TypeError, match="expects a str"):
        tok.encode(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="not in the vocabulary"):
        tok.decode([10**6])
    with pytest.raises(ValueError, match="at least 256"):
        GPT2BPETokenizer().train("abc", 100)
    # A cut multi-byte character decodes to U+FFFD instead of raising.
    assert tok.decode(list("é".encode())[:1]) == "\ufffd"
