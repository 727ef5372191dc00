"""Checks for the RDP-to-(ε, δ) exercise."""

import math

import numpy as np

from ladder.curriculum.expect import expect_close, expect_raises

ORDERS = [1.5, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]


def check_one_order_by_hand(submitted, reference):
    """ρ = 1.5 at α = 4, δ = 1e-5"""
    eps, alpha = submitted([1.5], [4.0], 1e-5)
    ref_eps, _ = reference([1.5], [4.0], 1e-5)
    expect_close(
        eps,
        ref_eps,
        inputs={"rdp": [1.5], "orders": [4.0], "delta": 1e-5},
        mistakes=[
            (
                1.5 + math.log(1 / 1e-5) / 3,
                "that is the original conversion "
                "ρ + log(1/δ)/(α − 1); use the tighter one of the docstring",
            ),
            (1.5 - (math.log(1e-5) + math.log(4)) / 3, "you left out log((α − 1)/α)"),
        ],
    )
    expect_close(alpha, 4.0, inputs="one order", what="the order")


def check_best_order(submitted, reference):
    """keeps the order with the smallest ε"""
    rdp = [0.05 * a for a in ORDERS]  # a Gaussian mechanism with σ = √10: ρ = α/20
    eps, alpha = submitted(list(rdp), list(ORDERS), 1e-6)
    ref_eps, ref_alpha = reference(list(rdp), list(ORDERS), 1e-6)
    a = np.array(ORDERS)
    all_eps = np.array(rdp) + np.log((a - 1) / a) - (math.log(1e-6) + np.log(a)) / (a - 1)
    expect_close(
        eps,
        ref_eps,
        inputs={"rdp": rdp, "orders": ORDERS, "delta": 1e-6},
        mistakes=[(all_eps.max(), "take the smallest ε over the orders, not the largest")],
    )
    expect_close(alpha, ref_alpha, inputs={"rdp": rdp, "orders": ORDERS}, what="the order")


def check_bad_input(submitted, reference):
    """raises ValueError for δ outside (0, 1) and for lengths that differ"""
    expect_raises(ValueError, submitted, [1.0], [2.0], 0.0, inputs={"delta": 0.0})
    expect_raises(ValueError, submitted, [1.0], [2.0], 1.5, inputs={"delta": 1.5})
    expect_raises(
        ValueError, submitted, [1.0, 2.0], [2.0], 1e-5, inputs={"rdp": [1.0, 2.0], "orders": [2.0]}
    )
