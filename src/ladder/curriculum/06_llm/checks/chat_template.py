"""Checks for the chat-template exercise."""

from ladder.curriculum.expect import expect_equal, expect_raises

MARKERS = {"system": "[S]", "user": "[U]", "assistant": "[A]"}
CONV = [
    {"role": "system", "content": "Answer briefly."},
    {"role": "user", "content": "What is 2 + 3?"},
    {"role": "assistant", "content": "5"},
    {"role": "user", "content": "Reverse 'abc'."},
]


def check_conversation(submitted, reference):
    """four messages, three roles, end marker "</s>", no generation prompt"""
    want = reference(CONV, MARKERS, "</s>")
    expect_equal(
        submitted([dict(m) for m in CONV], dict(MARKERS), "</s>"),
        want,
        inputs={"messages": CONV, "markers": MARKERS, "end": "</s>"},
        mistakes=[
            (want + "[A]", "append the assistant's marker only when add_generation_prompt"),
            (
                "".join(MARKERS[m["role"]] + m["content"] for m in CONV),
                "close every message with the end marker",
            ),
        ],
    )


def check_generation_prompt(submitted, reference):
    """add_generation_prompt=True: the string ends with the assistant's marker"""
    want = reference(CONV, MARKERS, "</s>", True)
    expect_equal(
        submitted([dict(m) for m in CONV], dict(MARKERS), "</s>", True),
        want,
        inputs={"messages": CONV, "markers": MARKERS, "end": "</s>", "add_generation_prompt": True},
        mistakes=[(want + "</s>", "the generation prompt is the marker alone: the answer follows")],
    )


def check_missing_role(submitted, reference):
    """a role the template has no marker for raises ValueError"""
    msgs = [{"role": "user", "content": "hi"}, {"role": "tool", "content": "42"}]
    expect_raises(
        ValueError,
        submitted,
        msgs,
        dict(MARKERS),
        "</s>",
        inputs={"messages": msgs, "markers": MARKERS},
    )


def check_malformed_message(submitted, reference):
    """a message without a content raises ValueError"""
    msgs = [{"role": "user"}]
    expect_raises(ValueError, submitted, msgs, dict(MARKERS), "</s>", inputs={"messages": msgs})
