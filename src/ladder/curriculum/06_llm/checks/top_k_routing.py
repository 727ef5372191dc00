"""Checks for the top-k routing exercise."""

import numpy as np
import torch

from ladder.curriculum.expect import expect_close, expect_equal, expect_raises


def _logits():
    # 4 tokens, 5 experts; every row has a different best expert and distinct values
    return torch.tensor([[2.0, -1.0, 0.5, 3.0, 0.0],
                         [0.1, 1.5, -2.0, 0.3, 1.0],
                         [-0.5, 0.2, 2.5, 2.0, -1.0],
                         [1.2, 0.0, 0.4, -0.3, 2.2]])  # fmt: skip


def check_chooses_and_weights(submitted, reference):
    """k = 2 of 5 experts: the best two per token, weights renormalised to sum to 1"""
    z = _logits()
    want_w, want_i = reference(z.clone(), 2)
    got_w, got_i = submitted(z.clone(), 2)
    expect_equal(np.asarray(got_i), np.asarray(want_i), inputs={"router_logits": z, "k": 2},
                 what="the indices",
                 mistakes=[(np.asarray(torch.topk(z, 2, largest=False).indices),
                            "choose the k largest probabilities, not the smallest")])  # fmt: skip
    probs = torch.softmax(z, -1)
    expect_close(
        got_w, want_w, rtol=1e-6, atol=1e-7, inputs={"router_logits": z, "k": 2},
        what="the weights",
        mistakes=[(torch.topk(probs, 2).values, "renormalise: divide the k chosen "
                   "probabilities by their sum, so each token's weights add up to 1"),
                  (torch.topk(z, 2).values, "the weights are probabilities (softmax), not logits")],
    )  # fmt: skip


def check_k_one_and_all(submitted, reference):
    """k = 1 gives weight 1 to the best expert; k = E keeps every expert"""
    z = _logits()
    w, i = submitted(z.clone(), 1)
    expect_close(w, torch.ones(4, 1), inputs={"k": 1}, what="the weights", rtol=1e-6)
    expect_equal(np.asarray(i), np.asarray(reference(z.clone(), 1)[1]), inputs={"k": 1},
                 what="the indices")  # fmt: skip
    w, _ = submitted(z.clone(), 5)
    expect_close(w, reference(z.clone(), 5)[0], rtol=1e-6, atol=1e-7, inputs={"k": 5},
                 what="the weights")  # fmt: skip


def check_bad_k(submitted, reference):
    """k = 0 or k > E is a ValueError"""
    z = _logits()
    expect_raises(ValueError, submitted, z, 0, inputs={"k": 0})
    expect_raises(ValueError, submitted, z, 6, inputs={"k": 6, "experts": 5})
