"""Checks for one beam-search step (torch)."""

import torch

from ladder.curriculum.expect import expect_close, expect_equal


def _run(fn, lp, s, k):
    best, parent, token = fn(lp.clone(), s.clone(), k)
    return best, parent.long(), token.long()


def _check(submitted, reference, lp, s, k, mistakes=()):
    e_best, e_parent, e_token = _run(reference, lp, s, k)
    best, parent, token = _run(submitted, lp, s, k)
    inputs = {"log_probs": lp, "scores": s, "beam_size": k}
    expect_equal(
        torch.stack([parent, token]).numpy(),
        torch.stack([e_parent, e_token]).numpy(),
        inputs=inputs,
        what="[parents, tokens]",
        mistakes=mistakes,
    )
    expect_close(best.numpy(), e_best.numpy(), inputs=inputs, what="the new scores")


def check_lesson_example(submitted, reference):
    """the lesson's two hypotheses and two tokens"""
    lp = torch.log(torch.tensor([[0.6, 0.4], [0.1, 0.9]], dtype=torch.float64))
    s = torch.log(torch.tensor([0.5, 0.5], dtype=torch.float64))
    _check(submitted, reference, lp, s, 2)


def check_previous_scores_count(submitted, reference):
    """a hypothesis that was already unlikely stays unlikely: add its score"""
    lp = torch.log(torch.tensor([[0.5, 0.3, 0.2], [0.9, 0.05, 0.05]], dtype=torch.float64))
    s = torch.tensor([-0.1, -3.0], dtype=torch.float64)
    wrong = torch.tensor([[1, 0, 0], [0, 0, 1]])
    _check(
        submitted,
        reference,
        lp,
        s,
        3,
        mistakes=[
            (
                wrong.numpy(),
                "add each hypothesis's score before choosing: c = scores[j] + log_probs[j, v]",
            )
        ],
    )


def check_more_tokens_than_hypotheses(submitted, reference):
    """K = 2, V = 5: the flat index splits as (index // V, index % V)"""
    torch.manual_seed(0)
    lp = torch.log_softmax(torch.randn(2, 5, dtype=torch.float64) * 2, -1)
    s = torch.tensor([-0.2, -0.9], dtype=torch.float64)
    _check(submitted, reference, lp, s, 3)


def check_global_not_per_row(submitted, reference):
    """the best candidates may all extend the same hypothesis"""
    lp = torch.log(torch.tensor([[0.45, 0.44, 0.11], [0.34, 0.33, 0.33]], dtype=torch.float64))
    s = torch.zeros(2, dtype=torch.float64)
    _check(submitted, reference, lp, s, 2)


def check_start_with_empty_slots(submitted, reference):
    """at step 0 only one real hypothesis: the others have score -inf"""
    lp = torch.log_softmax(torch.tensor([[2.0, 1.0, 0.5, -1.0]] * 3, dtype=torch.float64), -1)
    s = torch.tensor([0.0, float("-inf"), float("-inf")], dtype=torch.float64)
    _check(submitted, reference, lp, s, 3)
