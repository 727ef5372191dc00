"""Checks for the warm-up / decay schedule exercise."""

from ladder.curriculum.expect import expect_close

POINTS = [0.0, 0.02, 0.05, 0.1, 0.3, 0.55, 0.9, 1.0, 1.2]


def check_schedule(submitted, reference):
    """warm-up share 0.1: the multiplier at 9 points of the run, 0 at the start and the end"""
    want = [reference(p, 0.1) for p in POINTS]
    got = [submitted(p, 0.1) for p in POINTS]
    expect_close(
        got,
        want,
        rtol=1e-9,
        atol=1e-12,
        inputs={"progress": POINTS, "warmup_frac": 0.1},
        mistakes=[
            (
                [max(0.0, 1 - p) if p >= 0.1 else p / 0.1 for p in POINTS],
                "the decay runs over the rest of the run: divide (1 − p) by (1 − warmup_frac)",
            ),
            ([min(1.0, p / 0.1) for p in POINTS], "after the warm-up the rate must fall to 0"),
            (
                [(1 - p) / 0.9 if p >= 0.1 else p / 0.1 for p in POINTS],
                "past the end of the run the multiplier stays 0 (max(0, …))",
            ),
        ],
    )


def check_other_warmup(submitted, reference):
    """warm-up share 0.25"""
    pts = [0.1, 0.25, 0.5, 0.8]
    expect_close(
        [submitted(p, 0.25) for p in pts],
        [reference(p, 0.25) for p in pts],
        rtol=1e-9,
        inputs={"progress": pts, "warmup_frac": 0.25},
    )
