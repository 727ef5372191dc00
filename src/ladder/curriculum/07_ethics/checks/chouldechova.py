"""Checks for Chouldechova's identity."""

from ladder.curriculum.expect import expect_close, expect_raises


def check_lesson_values(submitted, reference):
    """PPV 0.7 and FNR 0.2 force FPR 0.147 at prevalence 0.3 and 0.514 at 0.6"""
    for p in (0.6, 0.3):
        expected = reference(p, 0.7, 0.2)
        expect_close(
            submitted(p, 0.7, 0.2),
            expected,
            inputs={"prevalence": p, "ppv": 0.7, "fnr": 0.2},
            mistakes=[
                ((1 - p) / p * 0.3 / 0.7 * 0.8, "the odds are p/(1 − p), not (1 − p)/p"),
                (p / (1 - p) * 0.7 / 0.3 * 0.8, "it is (1 − PPV)/PPV, not PPV/(1 − PPV)"),
                (p / (1 - p) * 0.3 / 0.7 * 0.2, "multiply by 1 − FNR (the TPR), not by FNR"),
            ],
        )


def check_other_values(submitted, reference):
    """matches the reference elsewhere"""
    for args in ((0.05, 0.4, 0.35), (0.9, 0.95, 0.0), (0.5, 1.0, 0.3)):
        expect_close(
            submitted(*args),
            reference(*args),
            inputs=dict(zip(("prevalence", "ppv", "fnr"), args, strict=True)),
        )


def check_bad_input(submitted, reference):
    """raises ValueError outside the valid ranges"""
    for args in ((0.0, 0.7, 0.2), (1.0, 0.7, 0.2), (0.3, 0.0, 0.2), (0.3, 0.7, 1.5)):
        expect_raises(
            ValueError,
            submitted,
            *args,
            inputs=dict(zip(("prevalence", "ppv", "fnr"), args, strict=True)),
        )
