"""Every number the stage-6 lessons of part B (transfer learning, PEFT, instruction tuning,
domain models, multimodal models) and their cards state, recomputed by our code."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from ladder.llm.clip import contrastive_loss  # noqa: E402
from ladder.llm.dpo import dpo_loss  # noqa: E402
from ladder.llm.finetune import SentenceClassifier, layerwise_lrs  # noqa: E402
from ladder.llm.instruct import CharTokenizer, mask_prompt  # noqa: E402
from ladder.llm.lora import LoRALinear, apply_lora, count_parameters  # noqa: E402
from ladder.llm.vit import ViTConfig, patchify  # noqa: E402
from ladder.transformer.bert import BertConfig, BertEncoder  # noqa: E402


def test_layerwise_rate_two_below_the_top():
    # card llm.ft-layerwise: 0.01 / 2.6² ≈ 0.00148
    assert math.isclose(layerwise_lrs(3, 0.01)[0], 0.01 / 2.6**2)
    assert round(layerwise_lrs(3, 0.01)[0], 4) == 0.0015


def test_lora_counts():
    # 4096 × 4096, r = 8: 65,536 trainable of 16,777,216 (0.39 %)
    layer = LoRALinear(torch.nn.Linear(4096, 4096, bias=False, device="meta"), r=8, alpha=16)
    trainable, total = count_parameters(layer)
    assert trainable == 65_536 and total - trainable == 16_777_216
    assert round(100 * trainable / 16_777_216, 2) == 0.39
    assert layer.scaling == 2.0  # card llm.lora-scaling: alpha 16 / r 8


def test_minilm_lora_share():
    # the lab's configuration on MiniLM's shape (6 layers, 384 wide, 30522 words, 512
    # positions): 148,226 trainable of 22,713,602 (0.65 %); built on the meta device
    cfg = BertConfig(vocab_size=30522, n_positions=512, n_layer=6, n_head=12, n_embd=384, d_ff=1536)
    with torch.device("meta"):
        model = SentenceClassifier(BertEncoder(cfg), n_classes=2)
    apply_lora(
        model, ["q_proj", "k_proj", "v_proj", "out_proj"], r=8, alpha=16, modules_to_save=["head"]
    )
    trainable, total = count_parameters(model)
    assert (trainable, total) == (148_226, 22_713_602)
    assert round(100 * trainable / total, 2) == 0.65


def test_qlora_memory_numbers():
    assert 32 / 64 == 0.5  # one fp32 scale per 64 weights, in bits per weight
    assert round(8 / 64 + 32 / (64 * 256), 3) == 0.127  # double quantisation
    assert 7e9 * 4 / 8 / 1e9 == 3.5 and 7e9 * 16 / 8 / 1e9 == 14.0


def test_dpo_numbers():
    z = torch.zeros(1)
    assert round(dpo_loss(z, z, z, z, beta=0.1)[0].item(), 3) == 0.693  # log 2 at the start
    loss = dpo_loss(torch.tensor([2.0]), torch.tensor([-3.0]), z, z, beta=0.1)[0]
    assert round(loss.item(), 3) == 0.474


def test_mask_example():
    # card llm.sft-mask-example: 30 prompt tokens, 6 answer tokens → 6 scored targets
    ids = list(range(36))
    assert sum(t != -100 for t in mask_prompt(ids, 30)) == 6


def test_perplexity_of_uniform_guess():
    logits = torch.zeros(1, 5, 100)
    targets = torch.randint(0, 100, (1, 5))
    from ladder.llm.domain import perplexity_from_logits

    assert math.isclose(perplexity_from_logits(logits, targets), 100.0, rel_tol=1e-12)
    assert CharTokenizer().vocab_size == 103  # the labs' character vocabulary


def test_vit_patch_counts():
    assert (224 // 16) ** 2 == 196  # ViT-B/16
    cfg = ViTConfig(image_size=28, patch_size=7)
    assert cfg.n_patches == 16
    assert patchify(torch.zeros(1, 1, 28, 28), 7).shape == (1, 16, 49)


def test_clip_numbers():
    assert round(1 / 0.07, 1) == 14.3
    # untrained encoders, B = 32: every logit equal → ln 32 ≈ 3.47
    assert round(contrastive_loss(torch.zeros(32, 32)).item(), 2) == 3.47


@pytest.mark.slow
def test_frozen_feature_baseline_on_sst2(tmp_path):
    """The PEFT lesson's 0.792: MiniLM features of 4,000 SST-2 phrases + logistic regression,
    ours equal to scikit-learn's. (The fine-tuning rows stop on a CPU-time budget, so their
    step counts vary from machine to machine; the lab reproduces them approximately.)"""
    pytest.importorskip("sklearn")
    from ladder.labs import llm_finetune_sst2 as lab
    from ladder.labs.context import LabContext

    ctx = LabContext(out_dir=tmp_path)
    cfg = lab._settings(quick=False)
    encoder, tok, train, dev = lab._load(ctx, cfg)
    ours, ref, _ = lab.frozen_baseline(ctx, encoder, tok, train, dev, cfg)
    assert round(ours, 3) == round(ref, 3) == 0.792
