"""Bad input to the BPE and WordPiece tokenizers: one clear sentence each."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.nlp.bpe import ByteLevelBPE, train_bpe_naive
from ladder.nlp.wordpiece import WordPieceTokenizer

VOCAB = {"[UNK]": 0, "un": 1, "##aff": 2, "##able": 3, "!": 4}


@pytest.mark.parametrize("vocab_size", ["x", 300.0, True, None])
def test_bpe_vocab_size_type(vocab_size):
    with pytest.raises(TypeError, match=r"vocab_size must be an int .*got"):
        ByteLevelBPE().train("hello world", vocab_size)
    with pytest.raises(TypeError, match=r"vocab_size must be an int"):
        train_bpe_naive("hello world", vocab_size)


def test_bpe_vocab_size_value_and_numpy_int():
    with pytest.raises(ValueError, match="at least 256"):
        ByteLevelBPE().train("hello", 100)
    tok = ByteLevelBPE().train("low lower lowest " * 5, np.int64(260))
    assert tok.vocab_size == 260


@pytest.mark.parametrize(
    "ids", [[104.0], [104, True], ["h"], [np.float64(104.0)]], ids=["float", "bool", "str", "np"]
)
def test_bpe_decode_refuses_non_integer_ids(ids):
    # 104.0 == 104 in a dict lookup, so it used to decode silently to "h".
    with pytest.raises(TypeError, match="token ids must be integers, got"):
        ByteLevelBPE().decode(ids)


def test_bpe_decode_accepts_numpy_ints():
    assert ByteLevelBPE().decode(np.array([104, 105])) == "hi"


def test_wordpiece_without_cls_token():
    tok = WordPieceTokenizer(VOCAB)
    with pytest.raises(ValueError, match=r"no '\[CLS\]' \(cls_token\).*add_special_tokens=False"):
        tok.encode("unaffable")
    assert tok.encode("unaffable", add_special_tokens=False) == [1, 2, 3]
    with pytest.raises(ValueError, match=r"no '\[SEP\]' \(sep_token\)"):
        WordPieceTokenizer({**VOCAB, "[CLS]": 5}).encode("un")
    named = WordPieceTokenizer({**VOCAB, "<s>": 5, "</s>": 6}, cls_token="<s>", sep_token="</s>")
    assert named.encode("un!") == [5, 1, 4, 6]


def test_wordpiece_decode_bad_ids():
    tok = WordPieceTokenizer(VOCAB)
    with pytest.raises(TypeError, match=r"got 1.0 \(float\)"):
        tok.decode([1.0])
    with pytest.raises(ValueError, match="token id 99 is not in the vocabulary of 5 tokens"):
        tok.decode([99])
    assert tok.decode(np.array([1, 2, 3])) == "unaffable"
