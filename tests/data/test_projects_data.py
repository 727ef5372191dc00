"""The stage-8 loaders read the shared copies with the counts their README states."""

from __future__ import annotations

import pytest

from ladder.data.chitchat import load_chatterbot, load_personality_chat
from ladder.data.multi30k import load_multi30k
from ladder.data.summarization import load_dialogsum, load_scitldr


def test_multi30k_splits():
    sizes = {s: len(load_multi30k(s)[0]) for s in ("train", "val", "test_2016_flickr")}
    assert sizes == {"train": 29000, "val": 1014, "test_2016_flickr": 1000}
    en, de = load_multi30k("test_2016_flickr")
    assert en[0].startswith("A man") and de[0].startswith("Ein Mann")
    with pytest.raises(ValueError, match="unknown Multi30k split 'test'"):
        load_multi30k("test")


def test_summarization_splits():
    assert [len(load_scitldr(s)) for s in ("train", "dev", "test")] == [1992, 619, 618]
    test = load_dialogsum("test")
    assert len(load_dialogsum("dev")) == 500 and len(test) == 500
    assert all(len(e.references) == 3 for e in test)
    assert test[0].sentences[0].startswith("#Person1#:") and "\n" in test[0].text
    with pytest.raises(ValueError, match="train is not shipped"):
        load_dialogsum("train")


def test_chitchat():
    assert [len(load_personality_chat(p)) for p in ("professional", "friend", "comic")] == [
        653,
        650,
        650,
    ]
    # the corpus has 2,393 adjacent pairs; 16 turns of trivia.yml are a lone space, and
    # a blank turn is neither a prompt nor a reply, so the pairs around them are dropped
    assert len(load_chatterbot(exclude=())) == 2377
    assert all(p.prompt and p.reply for p in load_chatterbot())
    with pytest.raises(ValueError, match="unknown persona"):
        load_personality_chat("pirate")
