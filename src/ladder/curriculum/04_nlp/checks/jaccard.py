"""Checks for the Jaccard exercise."""

from ladder.curriculum.expect import expect_close, expect_raises


def check_small_sets(submitted, reference):
    """{a, b, c} and {b, c, d} give 2/4"""
    a, b = ["a", "b", "c"], ["b", "c", "d"]
    expect_close(
        submitted(a, b),
        reference(a, b),
        inputs={"a": a, "b": b},
        mistakes=[
            (2 / 3, "divide by the size of the union, not of one set"),
            (2 / 6, "the union has 4 elements, not len(a) + len(b)"),
        ],
    )


def check_lesson_documents(submitted, reference):
    """the lesson's two documents share 3 of 7 words"""
    a, b = "the cat sat on the mat".split(), "the dog sat on the log".split()
    expect_close(
        submitted(a, b),
        reference(a, b),
        inputs={"a": a, "b": b},
        mistakes=[
            (4 / 8, "use sets: the repeated 'the' counts once"),
            (4 / 7, "that is the Jaccard distance 1 − J; return the similarity |A ∩ B| / |A ∪ B|"),
        ],
    )


def check_tokens_compared_exactly(submitted, reference):
    """tokens are compared as they are: 'The' and 'the' differ"""
    a, b = ["The", "cat", "sat"], ["the", "Cat", "sat", "down"]
    expect_close(
        submitted(a, b),
        reference(a, b),
        inputs={"a": a, "b": b},
        mistakes=[
            (
                3 / 4,
                "compare the tokens as given: normalising case is the tokenizer's job, "
                "not the similarity's",
            )
        ],
    )


def check_edge_cases(submitted, reference):
    """empty inputs give 1.0, disjoint sets 0.0"""
    expect_close(
        submitted([], []),
        1.0,
        inputs={"a": [], "b": []},
        mistakes=[(0.0, "two empty sets are identical: return 1.0 when the union is empty")],
    )
    expect_close(submitted(["x"], ["y"]), 0.0, inputs={"a": ["x"], "b": ["y"]})


def check_rejects_strings(submitted, reference):
    """a string raises TypeError"""
    expect_raises(
        TypeError,
        submitted,
        "the cat",
        ["the", "cat"],
        inputs={"a": "the cat", "b": ["the", "cat"]},
    )
