"""Checks for the naive BPE trainer."""

from ladder.curriculum.expect import expect_equal

SENNRICH = " ".join(["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3)
PARAGRAPH = (
    "First Citizen: Before we proceed any further, hear me speak. All: Speak, speak. "
    "First Citizen: You are all resolved rather to die than to famish? All: Resolved. "
    "resolved. First Citizen: First, you know Caius Marcius is chief enemy to the people."
)


def check_one_merge(submitted, reference):
    """the first merge is the most frequent pair"""
    text = "hug hug pug pun"
    expect_equal(
        submitted(text, 257),
        reference(text, 257),
        inputs={"text": text, "vocab_size": 257},
        mistakes=[
            (
                {(32, 104): 256},
                "count pairs inside each chunk only, weighted by how often the chunk occurs",
            )
        ],
    )


def check_ties_go_to_the_smallest_pair(submitted, reference):
    """breaks ties by the smallest pair, not by first appearance"""
    text = "dcab"
    expect_equal(
        submitted(text, 257),
        reference(text, 257),
        inputs={"text": text, "vocab_size": 257},
        mistakes=[
            (
                {(100, 99): 256},
                "Counter.most_common breaks ties by first appearance; "
                "choose max by (count, -a, -b) or min by (-count, pair)",
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
                {(120, 46): 256, (256, 256): 257, (257, 120): 258},
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
