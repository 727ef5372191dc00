"""Checks for the beam search exercise. The language models are small tables of
log-probabilities, chosen so that greedy, a narrow beam and a wide beam disagree."""

import math

import numpy as np

from ladder.curriculum.expect import expect_equal, expect_raises, expect_true

# A bigram model over 4 tokens (rows: previous token). After the prompt [3], token 0 is
# the best first step but a dead end; token 1 then 2 is the best pair; token 2 leads to
# the best three-token sequence through 0.
BIGRAM = np.log(
    np.array(
        [
            [0.34, 0.33, 0.32, 0.01],
            [0.06, 0.03, 0.9, 0.01],
            [0.85, 0.05, 0.05, 0.05],
            [0.45, 0.35, 0.19, 0.01],
        ]
    )
)
# A model that looks two tokens back (the last two tokens pick a row): the best
# continuation of a sequence depends on more than its last token.
rng = np.random.default_rng(7)
TRIGRAM = np.log(rng.dirichlet(np.full(5, 0.4), size=25))
# For the end token (3): after 0, token 3 is likely; short sequences win raw sums.
ENDING = np.log(
    np.array(
        [
            [0.25, 0.25, 0.05, 0.45],
            [0.05, 0.05, 0.05, 0.85],
            [0.3, 0.3, 0.3, 0.1],
            [0.25, 0.25, 0.25, 0.25],
        ]
    )
)


def bigram(sequences):
    return BIGRAM[[s[-1] for s in sequences]]


def trigram(sequences):
    return TRIGRAM[[5 * s[-2] + s[-1] for s in sequences]]


def ending(sequences):
    return ENDING[[s[-1] for s in sequences]]


def _plain(beams):
    return [(list(map(int, seq)), round(float(score), 9)) for seq, score in beams]


def _greedy(step, prompt, n):
    seq = list(prompt)
    for _ in range(n):
        seq.append(int(np.argmax(step([seq])[0])))
    return seq


def _last_step_only(step, prompt, k, n):
    """The final sequences when candidates are ranked by the new token's log-probability
    alone (the totals still kept, and used for the final ranking)."""
    beams = [(list(prompt), 0.0)]
    for _ in range(n):
        lp = step([seq for seq, _ in beams])
        flat = np.argsort(-lp.ravel(), kind="stable")[:k]
        V = lp.shape[1]
        beams = [([*beams[f // V][0], int(f % V)], beams[f // V][1] + lp.ravel()[f]) for f in flat]
    return [seq for seq, _ in sorted(beams, key=lambda b: -b[1])]


def check_greedy(submitted, reference):
    """one beam is greedy decoding"""
    expected = _plain(reference(bigram, [3], 1, 3))
    expect_equal(
        _plain(submitted(bigram, [3], 1, 3)),
        expected,
        inputs={"model": "a bigram table", "prompt": [3], "num_beams": 1, "max_new_tokens": 3},
    )


def check_two_beams(submitted, reference):
    """two beams find the better pair that greedy misses"""
    expected = _plain(reference(bigram, [3], 2, 2))
    actual = _plain(submitted(bigram, [3], 2, 2))
    inputs = {"model": "a bigram table", "prompt": [3], "num_beams": 2, "max_new_tokens": 2}
    expect_true(
        not actual or actual[0][0] != _greedy(bigram, [3], 2),
        "the best sequence is greedy's: two beams should find a better one",
        inputs=inputs,
        misconception="keep num_beams beams at every step, not only the best one",
    )
    expect_equal(actual, expected, inputs=inputs)


def check_scores_are_totals(submitted, reference):
    """candidates are ranked by their total log-probability, across all beams"""
    for k, n in ((3, 3), (4, 4), (2, 5)):
        expected = _plain(reference(trigram, [0, 1], k, n))
        actual = _plain(submitted(trigram, [0, 1], k, n))
        inputs = {"model": "a trigram table", "prompt": [0, 1], "num_beams": k,
                  "max_new_tokens": n}  # fmt: skip
        wrong = _last_step_only(trigram, [0, 1], k, n)
        seqs = [seq for seq, _ in actual]
        expect_true(
            seqs != wrong or wrong == [seq for seq, _ in expected],
            "the beams kept are those whose last token alone was most likely",
            inputs=inputs,
            misconception="score a candidate by beam score + its log-probability, "
            "not the last step alone",
        )
        for seq, score in actual:
            total = sum(trigram([seq[: i + 1]])[0][seq[i + 1]] for i in range(1, len(seq) - 1))
            expect_true(
                math.isclose(score, total, abs_tol=1e-6),
                f"the score {score} of {seq} is not the sum of its tokens' log-probabilities "
                f"({total:.9f})",
                inputs=inputs,
            )
        expect_equal(actual, expected, inputs=inputs)


def check_end_token(submitted, reference):
    """a beam that produces eos_id is finished and is not extended"""
    for alpha in (0.0, 1.0):
        expected = _plain(reference(ending, [0], 2, 4, eos_id=3, length_penalty=alpha))
        expect_equal(
            _plain(submitted(ending, [0], 2, 4, eos_id=3, length_penalty=alpha)),
            expected,
            inputs={"model": "a table where 3 ends", "prompt": [0], "num_beams": 2,
                    "max_new_tokens": 4, "eos_id": 3, "length_penalty": alpha},
            mistakes=[
                (
                    _plain(reference(ending, [0], 2, 4, eos_id=3, length_penalty=0.0)),
                    "rank the final beams by score / L ** length_penalty",
                ),
            ],
        )  # fmt: skip


def check_bad_input(submitted, reference):
    """num_beams and max_new_tokens must be positive"""
    expect_raises(ValueError, submitted, bigram, [3], 0, 2, inputs={"num_beams": 0})
    expect_raises(ValueError, submitted, bigram, [3], 2, 0, inputs={"max_new_tokens": 0})
