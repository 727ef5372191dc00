"""Parity: our DPO loss and one training step against TRL's ``DPOTrainer``.

A tiny GPT-2 (random weights) over a character vocabulary is trained by TRL; our GPT gets
the same weights (``ladder.transformer.hf_gpt2``), the same tokenised batch (TRL's
collator), and our ``DPOTrainer`` with the same SGD step. Loss, log-probabilities and the
updated weights must agree.
"""

from __future__ import annotations

import copy
import math

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.llm.dpo import (  # noqa: E402
    DPOTrainer,
    PreferencePair,
    collate_preferences,
    dpo_loss,
    sequence_logprobs,
)
from ladder.transformer.hf_gpt2 import from_hf_gpt2, gpt2_name_map  # noqa: E402

CHARS = list("abcdefghijklmnopqrstuvwxyz0123456789 +=?.:")
PAIRS = [
    ("what is 2+3? ", "5", "6"),
    ("spell cat: ", "c a t", "cat"),
    ("upper ab: ", "AB".lower() + "!", "ab"),
    ("7+1=", "8", "71"),
]


@pytest.fixture(autouse=True)
def _one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_loss_formula_by_hand():
    # one pair: policy gains 1.0 nat on chosen and loses 0.5 on rejected vs the reference
    pc, pr, rc, rr = (torch.tensor([v]) for v in (-3.0, -4.5, -4.0, -4.0))
    loss, r_c, r_r = dpo_loss(pc, pr, rc, rr, beta=0.5)
    z = 0.5 * ((-3.0 + 4.0) - (-4.5 + 4.0))  # = 0.75
    assert math.isclose(float(loss), math.log1p(math.exp(-z)), rel_tol=1e-6)
    assert (float(r_c), float(r_r)) == (0.5, -0.25)


def test_loss_is_stable_at_extreme_margins():
    big = torch.tensor([400.0, -400.0])
    loss, _, _ = dpo_loss(big, -big, torch.zeros(2), torch.zeros(2), beta=1.0)
    # z = ±800: softplus(−800) = 0 and softplus(800) = 800, mean 400 — no inf, no nan
    assert math.isclose(float(loss), 400.0, rel_tol=1e-6)


def test_sequence_logprobs_scores_only_the_answer():
    torch.manual_seed(0)
    logits = torch.randn(2, 5, 7)
    ids = torch.tensor([[1, 2, 3, 4, 0], [3, 3, 1, 2, 6]])
    mask = torch.tensor([[0, 0, 1, 1, 0], [0, 1, 1, 1, 1]])
    logp = torch.log_softmax(logits, -1)
    want = torch.stack(
        [
            logp[0, 1, 3] + logp[0, 2, 4],
            logp[1, 0, 3] + logp[1, 1, 1] + logp[1, 2, 2] + logp[1, 3, 6],
        ]
    )
    torch.testing.assert_close(sequence_logprobs(logits, ids, mask), want)


def _hf_tokenizer():
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers

    vocab = {"<pad>": 0, "<eos>": 1} | {c: i + 2 for i, c in enumerate(CHARS)}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<pad>"))
    tok.pre_tokenizer = pre_tokenizers.Split(Regex("."), behavior="isolated")
    return transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token="<eos>", pad_token="<pad>"
    )


@pytest.fixture(scope="module")
def trl_run(tmp_path_factory):
    """TRL trains a tiny GPT-2 for one SGD step; returns everything to compare with."""
    trl = pytest.importorskip("trl")
    datasets = pytest.importorskip("datasets")
    torch.manual_seed(0)
    tokenizer = _hf_tokenizer()
    cfg = transformers.GPT2Config(
        vocab_size=len(CHARS) + 2,
        n_positions=32,
        n_embd=32,
        n_layer=2,
        n_head=4,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        bos_token_id=1,
        eos_token_id=1,
        pad_token_id=0,
    )
    model = transformers.GPT2LMHeadModel(cfg)
    start = copy.deepcopy(model.state_dict())
    ds = datasets.Dataset.from_dict(
        {k: [p[i] for p in PAIRS] for i, k in enumerate(["prompt", "chosen", "rejected"])}
    )
    args = trl.DPOConfig(
        output_dir=str(tmp_path_factory.mktemp("trl")),
        beta=0.2,
        learning_rate=0.5,
        optim="sgd",
        lr_scheduler_type="constant",
        warmup_steps=0,
        max_steps=1,
        per_device_train_batch_size=len(PAIRS),
        max_grad_norm=0.0,
        report_to="none",
        use_cpu=True,
        bf16=False,
        save_strategy="no",
        logging_steps=1,
        seed=0,
        dataset_num_proc=None,
        disable_tqdm=True,
    )
    ref = copy.deepcopy(model)
    trainer = trl.DPOTrainer(
        model=model, ref_model=ref, args=args, train_dataset=ds, processing_class=tokenizer
    )
    rows = [trainer.train_dataset[i] for i in range(len(PAIRS))]
    batch = trainer.data_collator(rows)
    with torch.no_grad():
        trl_loss = float(trainer.compute_loss(trainer.model, dict(batch)))
    trainer.train()
    return {
        "start": start,
        "config": cfg,
        "rows": rows,
        "batch": batch,
        "loss": trl_loss,
        "after": {k: v.detach().clone() for k, v in model.state_dict().items()},
    }


def _ours_from(state, cfg):
    hf = transformers.GPT2LMHeadModel(cfg)
    hf.load_state_dict(state)
    return from_hf_gpt2(hf)


def test_same_batch_as_trl_collator(trl_run):
    rows = [(r["prompt_ids"], r["chosen_ids"], r["rejected_ids"]) for r in trl_run["rows"]]
    ours = collate_preferences(rows, pad_id=0)
    for key in ("input_ids", "attention_mask", "completion_mask"):
        assert torch.equal(ours[key], trl_run["batch"][key]), key


def test_loss_equals_trl(trl_run):
    policy = _ours_from(trl_run["start"], trl_run["config"])
    trainer = DPOTrainer(policy, beta=0.2)
    loss, metrics = trainer.loss(trl_run["batch"])
    # float32 log-softmax sums over ≤ 8 answer tokens of a 44-way vocabulary: ~1e-6 apart
    assert math.isclose(float(loss), trl_run["loss"], rel_tol=0, abs_tol=1e-5)
    assert math.isclose(float(loss), math.log(2), abs_tol=1e-6)  # policy = reference: z = 0


def test_one_training_step_equals_trl(trl_run):
    cfg = trl_run["config"]
    policy = _ours_from(trl_run["start"], cfg)
    trainer = DPOTrainer(policy, beta=0.2, optimizer=torch.optim.SGD(policy.parameters(), lr=0.5))
    trainer.step(trl_run["batch"])
    after = _ours_from(trl_run["after"], cfg).state_dict()
    # the step is lr · ∂L/∂θ with lr 0.5 and |∂L/∂θ| ≲ 1e-2; float32 gradients of the same
    # graph in a different kernel order agree to ~1e-7, so weights agree to well under 1e-5
    moved = 0.0
    for name, value in policy.state_dict().items():
        torch.testing.assert_close(value, after[name], atol=1e-5, rtol=0)
        moved = max(
            moved, float((value - _ours_from(trl_run["start"], cfg).state_dict()[name]).abs().max())
        )
    assert moved > 1e-4  # the step really changed the weights (the comparison can fail)
    assert set(gpt2_name_map(cfg.n_layer)).issubset(policy.state_dict())


def test_reference_stays_frozen():
    torch.manual_seed(0)
    policy = torch.nn.Sequential(torch.nn.Embedding(5, 5))
    trainer = DPOTrainer(lambda_model := _Wrap(policy), beta=0.1, lr=1.0)
    batch = collate_preferences([([1], [2, 3], [4])], pad_id=0)
    before = copy.deepcopy(trainer.reference.state_dict())
    trainer.step(batch)
    for k, v in trainer.reference.state_dict().items():
        assert torch.equal(v, before[k])
    assert not any(p.requires_grad for p in trainer.reference.parameters())
    assert lambda_model is trainer.policy


class _Wrap(torch.nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, idx):
        return self.inner(idx), None


# ---- bad input --------------------------------------------------------------------------


def test_identical_answers_rejected():
    with pytest.raises(ValueError, match="identical"):
        PreferencePair("2+2=", "4", "4")


def test_empty_answer_rejected():
    with pytest.raises(ValueError, match="non-empty"):
        PreferencePair("2+2=", "", "5")


def test_beta_must_be_positive():
    z = torch.zeros(1)
    with pytest.raises(ValueError, match="beta must be positive"):
        dpo_loss(z, z, z, z, beta=0.0)


def test_shapes_must_agree():
    with pytest.raises(ValueError, match="must agree"):
        sequence_logprobs(
            torch.zeros(2, 4, 3), torch.zeros(2, 5, dtype=torch.long), torch.zeros(2, 5)
        )
