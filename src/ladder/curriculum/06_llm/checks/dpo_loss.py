"""Checks for the DPO-loss exercise."""

import torch
import torch.nn.functional as F

from ladder.curriculum.expect import expect_close, expect_raises


def _logps():
    # three pairs; sequence log-probabilities are sums over tokens: tens of nats, negative
    pc = torch.tensor([-12.0, -30.5, -7.25], dtype=torch.float64)
    pr = torch.tensor([-15.0, -28.0, -9.0], dtype=torch.float64)
    rc = torch.tensor([-13.5, -29.0, -8.0], dtype=torch.float64)
    rr = torch.tensor([-14.0, -29.5, -7.5], dtype=torch.float64)
    return pc, pr, rc, rr


def check_loss(submitted, reference):
    """three pairs, beta 0.2: the mean of −log σ(z)"""
    pc, pr, rc, rr = _logps()
    want = reference(pc, pr, rc, rr, 0.2)[0]
    got = submitted(pc.clone(), pr.clone(), rc.clone(), rr.clone(), 0.2)[0]
    z = 0.2 * ((pc - rc) - (pr - rr))
    expect_close(
        got,
        want,
        rtol=1e-10,
        inputs={
            "policy_chosen": pc,
            "policy_rejected": pr,
            "ref_chosen": rc,
            "ref_rejected": rr,
            "beta": 0.2,
        },
        what="the loss",
        mistakes=[
            (
                F.softplus(-0.2 * (pc - pr)).mean(),
                "subtract the reference's log-probabilities: the reward is a log-ratio",
            ),
            (F.softplus(z).mean(), "−log σ(z) with z = chosen − rejected: the sign is flipped"),
            (F.softplus(-z).sum(), "average over the pairs, do not sum"),
            (0.2 * F.softplus(-(z / 0.2)).mean(), "beta multiplies the margin inside σ"),
        ],
    )


def check_rewards(submitted, reference):
    """the implicit rewards beta · (policy − reference) of each answer"""
    pc, pr, rc, rr = _logps()
    _, wc, wr = reference(pc, pr, rc, rr, 0.2)
    _, gc, gr = submitted(pc.clone(), pr.clone(), rc.clone(), rr.clone(), 0.2)
    expect_close(
        gc,
        wc,
        rtol=1e-10,
        what="chosen_rewards",
        inputs={"beta": 0.2},
        mistakes=[(pc - rc, "multiply the log-ratio by beta")],
    )
    expect_close(gr, wr, rtol=1e-10, what="rejected_rewards", inputs={"beta": 0.2})


def check_start_is_log2(submitted, reference):
    """policy = reference: every log-ratio 0, loss log 2"""
    pc, pr, _, _ = _logps()
    got = submitted(pc.clone(), pr.clone(), pc.clone(), pr.clone(), 0.5)[0]
    expect_close(
        got,
        torch.log(torch.tensor(2.0, dtype=torch.float64)),
        rtol=1e-12,
        inputs={"ref_chosen": "= policy_chosen", "ref_rejected": "= policy_rejected"},
    )


def check_extreme_margins(submitted, reference):
    """margins of ±400 nats: finite, no overflow (use softplus or logsigmoid)"""
    big = torch.tensor([400.0, -400.0, 3.0], dtype=torch.float64)
    zero = torch.zeros(3, dtype=torch.float64)
    want = reference(big, -big, zero, zero, 1.0)[0]
    got = submitted(big.clone(), -big.clone(), zero.clone(), zero.clone(), 1.0)[0]
    expect_close(
        got, want, rtol=1e-10, inputs={"policy_chosen": big, "policy_rejected": -big, "beta": 1.0}
    )


def check_beta(submitted, reference):
    """beta ≤ 0 raises ValueError"""
    z = torch.zeros(2, dtype=torch.float64)
    expect_raises(ValueError, submitted, z, z, z, z, 0.0, inputs={"beta": 0.0})
