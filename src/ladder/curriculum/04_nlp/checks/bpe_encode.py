"""Checks for BPE encoding (the learner overrides ByteLevelBPE._encode_chunk)."""

from ladder.curriculum.expect import drive, expect_equal

SENNRICH = " ".join(["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3)


def encode_with(cls, merges, texts):
    """A tokenizer given these merges (in rank order), encoding each text."""
    tok = cls()
    for (a, b), new in merges.items():
        tok.merges_[(a, b)] = new
        tok.vocab_[new] = tok.vocab_[a] + tok.vocab_[b]
    return [tok.encode(t) for t in texts]


def check_bytes_without_merges(submitted, reference):
    """without merges, the ids are the UTF-8 bytes"""
    text = "naïve"
    expect_equal(
        submitted().encode(text),
        reference().encode(text),
        inputs={"text": text, "merges": "none"},
        mistakes=[
            (
                [ord(c) for c in text],
                "use the UTF-8 bytes (chunk.encode('utf-8')), not the code points",
            )
        ],
    )


def check_lowest_rank_first(submitted, reference):
    """applies the earliest-learned merge first, not the leftmost"""
    merges = {(98, 99): 256, (97, 98): 257}  # 'bc' learned before 'ab'
    expect_equal(
        drive(submitted, encode_with, merges, ["abc"])[0],
        encode_with(reference, merges, ["abc"])[0],
        inputs={"text": "abc", "merges": "(b,c)->256 then (a,b)->257"},
        mistakes=[
            (
                [257, 99],
                "you merged the leftmost pair; "
                "apply the merge with the lowest rank (smallest new id) first",
            )
        ],
    )
    expect_equal(
        drive(submitted, encode_with, merges, ["abcab"])[0],
        encode_with(reference, merges, ["abcab"])[0],
        inputs={"text": "abcab", "merges": "(b,c)->256 then (a,b)->257"},
        mistakes=[
            (
                [257, 99, 257],
                "you merged the pair most frequent in the chunk (ab, twice); "
                "apply the merge with the lowest rank (smallest new id) first",
            )
        ],
    )


def check_repeats_until_done(submitted, reference):
    """keeps merging, including merges of merged tokens"""
    merges = {(97, 97): 256, (256, 256): 257}
    texts = ["aaaa", "aaaaa", "aaa"]
    got = drive(submitted, encode_with, merges, texts)
    for text, ours, ref in zip(texts, got, encode_with(reference, merges, texts), strict=True):
        expect_equal(
            ours,
            ref,
            inputs={"text": text, "merges": "(a,a)->256, (256,256)->257"},
            mistakes=[
                ([256, 256], "loop until no adjacent pair has a merge"),
                ([256, 97, 97], "replace every occurrence of the pair, not only the first"),
            ],
        )


def check_trained_tokenizer(submitted, reference):
    """gives the reference ids after training on the lesson's example"""
    ours, ref = submitted().train(SENNRICH, 266), reference().train(SENNRICH, 266)
    for text in [" lowest", " newer", "lowest widest", "slow", ""]:
        expect_equal(
            ours.encode(text),
            ref.encode(text),
            inputs={"text": repr(text), "trained on": "low ×5, lower ×2, newest ×6, widest ×3"},
        )


def check_roundtrip(submitted, reference):
    """decode(encode(text)) gives the text back"""
    tok = submitted().train(SENNRICH + " café 東京 🙂", 280)
    text = "the newest café in 東京 🙂!"
    expect_equal(tok.decode(tok.encode(text)), text, inputs={"text": text})
