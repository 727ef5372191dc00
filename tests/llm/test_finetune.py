"""Transfer learning: our classifier's forward and one full fine-tuning step against
Hugging Face ``BertModel`` with the same weights and the same head; the schedule, the
batching and the training loop's bookkeeping; bad input."""

from __future__ import annotations

import copy
import math

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.llm.finetune import (  # noqa: E402
    FinetuneConfig,
    SentenceClassifier,
    freeze,
    layerwise_lrs,
    length_buckets,
    train_classifier,
    warmup_decay,
)
from ladder.transformer.bert import BertConfig, BertEncoder  # noqa: E402
from ladder.transformer.hf_bert import bert_name_map, load_bert_weights  # noqa: E402


@pytest.fixture(autouse=True)
def _one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _hf():
    torch.manual_seed(0)
    cfg = transformers.BertConfig(
        vocab_size=60,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=48,
        max_position_embeddings=24,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    return transformers.BertModel(cfg, add_pooling_layer=False)


def _ours(hf):
    enc = BertEncoder(
        BertConfig(
            vocab_size=60, n_positions=24, n_layer=2, n_head=4, n_embd=32, d_ff=48, dropout=0.0
        )
    )
    model = SentenceClassifier(load_bert_weights(enc, hf.state_dict()), n_classes=3, dropout=0.0)
    return model


def _hf_logits(hf, head, ids, mask):
    h = hf(input_ids=ids, attention_mask=mask).last_hidden_state
    m = mask.unsqueeze(-1).float()
    return head((h * m).sum(1) / m.sum(1))


def test_full_fine_tuning_step_equals_hugging_face():
    hf = _hf()
    ours = _ours(hf)
    head = copy.deepcopy(ours.head)  # the same new head on the Hugging Face side
    g = torch.Generator().manual_seed(1)
    ids = torch.randint(1, 60, (4, 9), generator=g)
    mask = torch.ones(4, 9, dtype=torch.long)
    mask[2, 6:] = 0
    labels = torch.tensor([0, 2, 1, 2])
    logits, loss = ours(ids, mask, labels=labels)
    want = _hf_logits(hf, head, ids, mask)
    torch.testing.assert_close(logits, want, atol=1e-5, rtol=0)  # float32, 2 layers
    opt_o = torch.optim.AdamW(ours.parameters(), lr=1e-2)
    opt_h = torch.optim.AdamW([*hf.parameters(), *head.parameters()], lr=1e-2)
    opt_o.zero_grad()
    loss.backward()
    opt_o.step()
    opt_h.zero_grad()
    torch.nn.functional.cross_entropy(_hf_logits(hf, head, ids, mask), labels).backward()
    opt_h.step()
    # AdamW's first step moves every weight by ≈ lr = 1e-2 (sign of the gradient); float32
    # gradients agree to ~1e-6 relative, so the weights agree far below the step size
    theirs = hf.state_dict()
    moved = 0.0
    for name, hf_name in bert_name_map(2).items():
        torch.testing.assert_close(
            ours.encoder.state_dict()[name], theirs[hf_name], atol=2e-5, rtol=0
        )
        moved = max(moved, float((theirs[hf_name] - _hf().state_dict()[hf_name]).abs().max()))
    assert moved > 5e-3
    torch.testing.assert_close(ours.head.weight, head.weight, atol=2e-5, rtol=0)


def test_frozen_encoder_gets_no_gradient():
    model = _ours(_hf())
    freeze(model.encoder)
    ids = torch.randint(1, 60, (2, 5))
    _, loss = model(ids, torch.ones_like(ids), labels=torch.tensor([0, 1]))
    loss.backward()
    assert all(p.grad is None for p in model.encoder.parameters())
    assert model.head.weight.grad is not None


def test_schedule_and_layerwise_rates():
    assert [round(warmup_decay(p, 0.1), 6) for p in (0.0, 0.05, 0.1, 0.55, 1.0, 1.5)] == [
        0.0,
        0.5,
        1.0,
        0.5,
        0.0,
        0.0,
    ]
    assert layerwise_lrs(3, 1.0, 2.0) == [0.25, 0.5, 1.0]


def test_length_buckets_cover_every_row_once():
    lengths = [(i * 37) % 50 for i in range(203)]
    batches = length_buckets(lengths, 8, torch.Generator().manual_seed(0), pool=5)
    flat = sorted(i for b in batches for i in b)
    assert flat == list(range(203))
    spread = sum(max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in batches)
    assert spread < 0.5 * sum(max(lengths) - min(lengths) for _ in batches)  # similar lengths


class _CharTok:
    """A stand-in for a ``tokenizers.Tokenizer``: one id per character, [CLS] 1 … [SEP] 2."""

    def encode_batch(self, texts):
        return [type("E", (), {"ids": [1, *(3 + ord(c) % 50 for c in t), 2]})() for t in texts]


def test_training_loop_history_and_time_budget():
    model = _ours(_hf())
    texts = ["good fun", "bad", "great film", "awful", "nice", "boring plot"] * 4
    labels = [1, 0, 1, 0, 1, 0] * 4
    hist = train_classifier(
        model,
        _CharTok(),
        (texts, labels),
        (texts[:6], labels[:6]),
        FinetuneConfig(lr=1e-3, batch_size=4, max_steps=6, eval_every=3),
    )
    assert [r["step"] for r in hist] == [0.0, 3.0, 6.0]
    assert hist[0]["seconds"] == 0.0 and hist[-1]["cpu_seconds"] > 0
    assert math.isnan(hist[0]["train_loss"]) and hist[-1]["train_loss"] > 0
    tiny = train_classifier(
        model,
        _CharTok(),
        (texts, labels),
        (texts[:6], labels[:6]),
        FinetuneConfig(max_steps=1000, batch_size=4, time_budget_s=1e-9),
    )
    assert tiny[-1]["step"] == 1.0  # the budget stops the run after its first step


def test_bad_input():
    model = _ours(_hf())
    with pytest.raises(ValueError, match="as many labels"):
        train_classifier(model, _CharTok(), (["a", "b"], [1]), (["a"], [1]), FinetuneConfig())
    freeze(model)
    with pytest.raises(ValueError, match="nothing would be trained"):
        train_classifier(model, _CharTok(), (["a"], [1]), (["a"], [1]), FinetuneConfig())
    with pytest.raises(ValueError, match="n_classes"):
        SentenceClassifier(model.encoder, n_classes=1)
    with pytest.raises(ValueError, match="n_layers"):
        layerwise_lrs(0, 1e-3)
