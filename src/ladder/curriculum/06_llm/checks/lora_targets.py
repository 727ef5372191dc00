"""Checks for the LoRA target-selection exercise."""

from ladder.curriculum.expect import expect_equal, expect_raises

NAMES = [
    "embed",
    "layers.0.self_attn.q_proj",
    "layers.0.self_attn.k_proj",
    "layers.0.self_attn.v_proj",
    "layers.0.xq_proj",
    "layers.0.mlp.q_proj_gate",
    "layers.1.self_attn.q_proj",
    "layers.1.self_attn.v_proj",
    "q_proj",
]


def check_one_target(submitted, reference):
    """ "q_proj" selects whole name parts only"""
    want = reference(list(NAMES), ["q_proj"])
    expect_equal(
        submitted(list(NAMES), ["q_proj"]),
        want,
        inputs={"names": NAMES, "targets": ["q_proj"]},
        mistakes=[
            (
                [n for n in NAMES if "q_proj" in n],
                "a target matches a whole name part: equal, or ending with '.' + target",
            ),
            (
                [n for n in NAMES if n.endswith("q_proj")],
                "'layers.0.xq_proj' ends with 'q_proj' but its last part is 'xq_proj': "
                "match '.' + target",
            ),
        ],
    )


def check_two_targets_keep_model_order(submitted, reference):
    """["v_proj", "q_proj"]: the result follows the order of names, not of targets"""
    t = ["v_proj", "q_proj"]
    want = reference(list(NAMES), t)
    expect_equal(
        submitted(list(NAMES), list(t)),
        want,
        inputs={"names": NAMES, "targets": t},
        mistakes=[
            (
                [n for tt in t for n in NAMES if n == tt or n.endswith("." + tt)],
                "keep the order of names (the model's order), not target by target",
            ),
        ],
    )


def check_full_name_target(submitted, reference):
    """a full dotted name selects exactly that module"""
    t = ["layers.1.self_attn.v_proj"]
    expect_equal(
        submitted(list(NAMES), t), reference(list(NAMES), t), inputs={"names": NAMES, "targets": t}
    )


def check_typo_is_an_error(submitted, reference):
    """a target that selects nothing ("qproj") raises ValueError"""
    expect_raises(
        ValueError,
        submitted,
        list(NAMES),
        ["q_proj", "qproj"],
        inputs={"names": NAMES, "targets": ["q_proj", "qproj"]},
    )
