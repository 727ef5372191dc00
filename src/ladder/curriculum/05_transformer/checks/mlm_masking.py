"""Checks for the MLM-masking exercise: the rates and rules, on 20,000 tokens."""

import torch

from ladder.curriculum.expect import expect_raises, expect_true

MASK, VOCAB, SPECIAL = 3, 1000, (0, 1, 2)


def _batch():
    ids = torch.randint(4, VOCAB, (40, 500), generator=torch.Generator().manual_seed(0))
    ids[:, 0] = 1  # [CLS]
    ids[:, -1] = 2  # [SEP]
    ids[:, -50:-1] = 0  # [PAD]
    return ids


def _run(submitted):
    ids = _batch()
    before = ids.clone()
    x, y = submitted(ids, MASK, VOCAB, SPECIAL, 0.15, torch.Generator().manual_seed(1))
    return before, ids, x, y


INPUTS = "40 × 500 random ids, [CLS]=1 first, [SEP]=2 last, [PAD]=0; mask id 3, vocab 1,000"


def check_labels(submitted, reference):
    """labels: the original id where chosen, −100 elsewhere; about 15 % chosen"""
    before, ids, x, y = _run(submitted)
    ok = ((y == -100) | (y == before)).all()
    expect_true(bool(ok), "a label is neither −100 nor the original id", inputs=INPUTS)
    chosen = y != -100
    real = ~torch.isin(before, torch.tensor(SPECIAL))
    share = (chosen & real).sum().item() / real.sum().item()
    expect_true(
        0.13 < share < 0.17,
        f"{share:.3f} of the ordinary tokens were chosen, expected about 0.15",
        inputs=INPUTS,
        misconception="choose each position with probability mlm_probability",
    )


def check_specials_never_chosen(submitted, reference):
    """[CLS], [SEP] and [PAD] are never chosen or changed"""
    before, ids, x, y = _run(submitted)
    special = torch.isin(before, torch.tensor(SPECIAL))
    expect_true(
        bool((y[special] == -100).all()),
        "a special token was chosen as a target",
        inputs=INPUTS,
        misconception="give special positions probability 0 before the draw",
    )
    expect_true(
        bool((x[special] == before[special]).all()), "a special token was changed", inputs=INPUTS
    )


def check_80_10_10(submitted, reference):
    """of the chosen: about 80 % [MASK], 10 % random, 10 % unchanged"""
    before, ids, x, y = _run(submitted)
    chosen = y != -100
    n = chosen.sum().item()
    masked = (x[chosen] == MASK).float().mean().item()
    same = (x[chosen] == before[chosen]).float().mean().item()
    expect_true(
        0.76 < masked < 0.84,
        f"{masked:.3f} of the chosen became [MASK], expected about 0.8",
        inputs=INPUTS,
    )
    expect_true(
        0.07 < same < 0.13,
        f"{same:.3f} of the chosen stayed unchanged, expected about 0.1",
        inputs=INPUTS,
        misconception="of the 20 % not masked, half get a random id, half stay",
    )
    unchosen_changed = (x[~chosen] != before[~chosen]).any().item()
    expect_true(not unchosen_changed, "a position that was not chosen was changed", inputs=INPUTS)
    expect_true(n > 0, "nothing was chosen", inputs=INPUTS)


def check_input_untouched(submitted, reference):
    """the input tensor is not modified"""
    before, ids, x, y = _run(submitted)
    expect_true(
        torch.equal(before, ids),
        "your function modified input_ids in place",
        inputs=INPUTS,
        misconception="work on input_ids.clone()",
    )


def check_bad_probability(submitted, reference):
    """mlm_probability outside (0, 1) is an error (ValueError)"""
    expect_raises(
        ValueError, submitted, _batch(), MASK, VOCAB, SPECIAL, 1.5, inputs={"mlm_probability": 1.5}
    )
