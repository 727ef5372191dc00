"""Checks for the naive BPE trainer."""

from collections import Counter
from itertools import pairwise

import regex

from ladder.curriculum.expect import expect_equal
from ladder.nlp.bpe import GPT2_SPLIT_PATTERN

SENNRICH = " ".join(["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3)
PARAGRAPH = (
    "First Citizen: Before we proceed any further, hear me speak. All: Speak, speak. "
    "First Citizen: You are all resolved rather to die than to famish? All: Resolved. "
    "resolved. First Citizen: First, you know Caius Marcius is chief enemy to the people."
)


def _variant(text, vocab_size, *, split=True, weighted=True, ties="smallest", overlap=False):
    """The naive trainer with one thing done differently: the mistakes' values."""
    chunks = regex.findall(GPT2_SPLIT_PATTERN, text) if split else [text]
    if not weighted:
        chunks = list(dict.fromkeys(chunks))
    chunks = [list(c.encode("utf-8")) for c in chunks]
    merges = {}
    for new_id in range(256, vocab_size):
        counts = Counter()
        for ids in chunks:
            counts.update(pairwise(ids))
        if not counts:
            break
        if ties == "smallest":
            pair = max(counts, key=lambda p: (counts[p], -p[0], -p[1]))
        elif ties == "largest":
            pair = max(counts, key=lambda p: (counts[p], p))
        else:  # first appearance, as Counter.most_common
            pair = counts.most_common(1)[0][0]
        merges[pair] = new_id
        merged = []
        for ids in chunks:
            out, i = [], 0
            while i < len(ids):
                if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
                    out.append(new_id)
                    ahead = i + 2 < len(ids) and (ids[i + 1], ids[i + 2]) == pair
                    i += 1 if overlap and ahead else 2
                else:
                    out.append(ids[i])
                    i += 1
            merged.append(out)
        chunks = merged
    return merges


def check_one_merge(submitted, reference):
    """the first merge is the most frequent pair"""
    text = "hug hug pug pun"
    expect_equal(
        submitted(text, 257),
        reference(text, 257),
        inputs={"text": text, "vocab_size": 257},
        mistakes=[
            (
                _variant(text, 257, split=False),
                "split the text with regex.findall(pattern, text) first: a merge never "
                "crosses the space before a word",
            )
        ],
    )


def check_ties_go_to_the_smallest_pair(submitted, reference):
    """breaks ties by the smallest pair, not by first appearance"""
    text = "bdcab"  # four pairs, once each: first seen (b, d), largest (d, c), smallest (a, b)
    expect_equal(
        submitted(text, 257),
        reference(text, 257),
        inputs={"text": text, "vocab_size": 257},
        mistakes=[
            (
                _variant(text, 257, ties="first"),
                "Counter.most_common breaks ties by first appearance; "
                "choose max by (count, -a, -b) or min by (-count, pair)",
            ),
            (
                _variant(text, 257, ties="largest"),
                "ties go to the smallest pair: max by (count, -a, -b), not by (count, pair)",
            ),
        ],
    )


def check_counts_every_occurrence(submitted, reference):
    """a chunk that occurs five times counts five times"""
    text = "xy xy xy xy xy ab cab dab"
    expect_equal(
        submitted(text, 257),
        reference(text, 257),
        inputs={"text": text, "vocab_size": 257},
        mistakes=[
            (
                _variant(text, 257, weighted=False),
                "count the pairs of every chunk, weighted by how often the chunk occurs "
                "(not once per distinct chunk)",
            )
        ],
    )


def check_runs_without_overlap(submitted, reference):
    """merges a run like aaaaa left to right without overlaps"""
    text = "aaa aaaaa"
    expect_equal(
        list(submitted(text, 259).items()),
        list(reference(text, 259).items()),
        inputs={"text": text, "vocab_size": 259},
        mistakes=[
            (
                list(_variant(text, 259, overlap=True).items()),
                "scan left to right without overlaps: after a merge skip both ids (i += 2), "
                "so aaa becomes [256, 97]",
            )
        ],
    )


def check_sennrich_example(submitted, reference):
    """learns the ten merges of the lesson's example, in order"""
    expect_equal(
        list(submitted(SENNRICH, 266).items()),
        list(reference(SENNRICH, 266).items()),
        inputs={"text": "low ×5, lower ×2, newest ×6, widest ×3", "vocab_size": 266},
    )


def check_merges_stay_inside_chunks(submitted, reference):
    """stops early when no pair is left, and never merges across chunks"""
    text = "x.x.x"
    expect_equal(
        submitted(text, 260),
        reference(text, 260),
        inputs={"text": text, "vocab_size": 260},
        mistakes=[
            (
                _variant(text, 260, split=False),
                "split the text with regex.findall(pattern, text) first: "
                "here every chunk is one byte",
            ),
        ],
    )


def check_unicode_bytes(submitted, reference):
    """works on bytes, so accents and CJK need no special case"""
    text = "café café naïve 東京 東京"
    expect_equal(
        list(submitted(text, 264).items()),
        list(reference(text, 264).items()),
        inputs={"text": text, "vocab_size": 264},
    )


def check_real_paragraph(submitted, reference):
    """learns the same 60 merges as the reference on a paragraph of Shakespeare"""
    expect_equal(
        list(submitted(PARAGRAPH, 316).items()),
        list(reference(PARAGRAPH, 316).items()),
        inputs={"text": PARAGRAPH[:60] + "…", "vocab_size": 316},
    )
