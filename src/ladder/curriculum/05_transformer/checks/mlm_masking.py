"""Checks for the MLM-masking exercise: the rates and rules, on 20,000 tokens."""

import torch

from ladder.curriculum.expect import expect_raises, expect_true

# BERT's ids: [PAD] 0, [CLS] 101, [SEP] 102, [MASK] 103 (ordinary ids lie on both sides)
MASK, VOCAB, SPECIAL = 103, 1000, (0, 101, 102)


def _batch():
    ids = torch.randint(1, VOCAB, (40, 500), generator=torch.Generator().manual_seed(0))
    ids[torch.isin(ids, torch.tensor([*SPECIAL, MASK]))] = 7  # ordinary ids only, for now
    ids[:, 0] = 101  # [CLS]
    ids[:, -1] = 102  # [SEP]
    ids[:, -50:-1] = 0  # [PAD]
    return ids


def _run(submitted, p=0.15, seed=1):
    ids = _batch()
    before = ids.clone()
    x, y = submitted(ids, MASK, VOCAB, SPECIAL, p, torch.Generator().manual_seed(seed))
    return before, ids, x, y


INPUTS = "40 × 500 random ids, [CLS]=101 first, [SEP]=102 last, [PAD]=0; mask id 103, vocab 1,000"


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
    low = (before > 0) & (before < 101)  # ordinary ids smaller than [CLS] and [SEP]
    share = (y[low] != -100).float().mean().item()
    expect_true(
        0.11 < share < 0.19,
        f"{share:.3f} of the ordinary ids below 101 were chosen, expected about 0.15",
        inputs=INPUTS,
        misconception="an ordinary id below a special id is still ordinary: exclude exactly "
        "the ids in special_ids (torch.isin), not a range",
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
        misconception="of the chosen, a Bernoulli(0.8) picks the 80 % that become [MASK]; "
        "the random ids go only where it said no",
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


def check_other_probability(submitted, reference):
    """mlm_probability = 0.3 chooses about 30 % of the ordinary tokens"""
    before, ids, x, y = _run(submitted, p=0.3)
    real = ~torch.isin(before, torch.tensor(SPECIAL))
    share = ((y != -100) & real).sum().item() / real.sum().item()
    expect_true(
        0.28 < share < 0.32,
        f"{share:.3f} of the ordinary tokens were chosen with mlm_probability 0.3",
        inputs=INPUTS + "; mlm_probability 0.3",
        misconception="use the mlm_probability argument, not a fixed 0.15",
    )


def check_random_ids(submitted, reference):
    """the random replacements are spread over the whole vocabulary [0, vocab_size)"""
    before, ids, x, y = _run(submitted)
    changed = (y != -100) & (x != MASK) & (x != before)
    drawn = x[changed]
    expect_true(
        drawn.numel() > 0 and bool(((drawn >= 0) & (drawn < VOCAB)).all()),
        "no random replacement, or one outside [0, vocab_size)",
        inputs=INPUTS,
    )
    upper = (drawn >= VOCAB // 2).float().mean().item()
    expect_true(
        0.35 < upper < 0.65,
        f"{upper:.2f} of the random ids lie in the upper half of the vocabulary, expected "
        "about 0.5",
        inputs=INPUTS,
        misconception="draw the random ids uniformly from [0, vocab_size)",
    )


def check_uses_generator(submitted, reference):
    """the same seeded generator gives the same result; another seed a different one"""
    _, _, x1, y1 = _run(submitted, seed=5)
    _, _, x2, y2 = _run(submitted, seed=5)
    _, _, x3, y3 = _run(submitted, seed=6)
    expect_true(
        torch.equal(x1, x2) and torch.equal(y1, y2),
        "two calls with generators seeded alike gave different results",
        inputs=INPUTS + "; torch.Generator().manual_seed(5) twice",
        misconception="draw every random number with generator= (torch.bernoulli(p, "
        "generator=g), torch.randint(..., generator=g))",
    )
    expect_true(
        not torch.equal(y1, y3),
        "generators with different seeds chose the same positions",
        inputs=INPUTS + "; seeds 5 and 6",
        misconception="draw every random number with generator=",
    )
