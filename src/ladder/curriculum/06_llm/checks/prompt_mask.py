"""Checks for the loss-masking exercise."""

from ladder.curriculum.expect import expect_equal, expect_raises

IDS = [51, 9, 23, 70, 31, 84, 6]  # 4 prompt tokens, then 3 answer tokens


def check_mask(submitted, reference):
    """4 prompt tokens then 3 answer tokens: 6 targets, the last 3 scored"""
    want = reference(list(IDS), 4)
    expect_equal(
        submitted(list(IDS), 4),
        want,
        inputs={"ids": IDS, "n_prompt": 4},
        mistakes=[
            (
                [-100, -100, -100, -100, 84, 6],
                "target t is token t + 1: the first answer token is predicted at position "
                "n_prompt − 1",
            ),
            ([9, 23, 70, -100, -100, -100], "mask the prompt, keep the answer"),
            ([-100, -100, -100, -100, 31, 84, 6], "there are len(ids) − 1 targets: ids[1:]"),
        ],
    )


def check_other_ignore_index(submitted, reference):
    """ignore_index = −1"""
    expect_equal(
        submitted(list(IDS), 2, -1),
        reference(list(IDS), 2, -1),
        inputs={"ids": IDS, "n_prompt": 2, "ignore_index": -1},
        mistakes=[(reference(list(IDS), 2), "use the ignore_index argument")],
    )


def check_no_prompt(submitted, reference):
    """n_prompt = 0: every target is scored"""
    expect_equal(
        submitted(list(IDS), 0), reference(list(IDS), 0), inputs={"ids": IDS, "n_prompt": 0}
    )


def check_bad_length(submitted, reference):
    """n_prompt longer than the example raises ValueError"""
    expect_raises(ValueError, submitted, list(IDS), 9, inputs={"ids": IDS, "n_prompt": 9})
