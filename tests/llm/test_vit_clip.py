"""Parity: our ViT against Hugging Face ``ViTModel`` (weights copied by the explicit name
map), our contrastive loss against Hugging Face CLIP's on the same logits and embeddings,
and the captioner's shapes and decoding."""

from __future__ import annotations

import math
import random

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.llm.caption import Captioner, CaptionerConfig, caption_batch  # noqa: E402
from ladder.llm.clip import (  # noqa: E402
    CLIP,
    CLIPConfig,
    WordTokenizer,
    caption_for,
    clip_logits,
    contrastive_loss,
    zero_shot_predict,
)
from ladder.llm.vit import ViT, ViTConfig, load_hf_vit, patchify  # noqa: E402
from ladder.transformer.weights import WeightMismatchError  # noqa: E402


@pytest.fixture(autouse=True)
def _one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _hf_vit(n_layer=2):
    torch.manual_seed(0)
    cfg = transformers.ViTConfig(
        image_size=28,
        patch_size=7,
        num_channels=1,
        hidden_size=32,
        num_hidden_layers=n_layer,
        num_attention_heads=4,
        intermediate_size=48,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    return transformers.ViTModel(cfg, add_pooling_layer=False).eval()


OUR_CFG = ViTConfig(
    image_size=28, patch_size=7, n_channels=1, n_layer=2, n_head=4, n_embd=32, d_ff=48
)


def test_patchify_order_matches_a_stride_p_convolution():
    torch.manual_seed(0)
    images = torch.randn(2, 3, 12, 8)  # non-square, 3 channels: every axis distinguishable
    conv = torch.nn.Conv2d(3, 5, kernel_size=4, stride=4)
    want = conv(images).flatten(2).transpose(1, 2)  # (B, N, D), patches row-major
    got = patchify(images, 4) @ conv.weight.reshape(5, -1).T + conv.bias
    torch.testing.assert_close(got, want, atol=1e-5, rtol=0)
    assert patchify(images, 4).shape == (2, 6, 48)


def test_vit_equals_hugging_face_vitmodel():
    hf = _hf_vit()
    ours = load_hf_vit(ViT(OUR_CFG), hf.state_dict()).eval()
    images = torch.randn(3, 1, 28, 28, generator=torch.Generator().manual_seed(1))
    want = hf(pixel_values=images).last_hidden_state
    # float32, 2 layers of 32-wide sums with LayerNorm: rounding ~1e-6
    torch.testing.assert_close(ours(images), want, atol=1e-5, rtol=0)


def test_vit_weights_mismatch_is_listed():
    hf = _hf_vit(n_layer=3)
    with pytest.raises(WeightMismatchError, match=r"extra \(16\): layers\.2\."):
        load_hf_vit(ViT(OUR_CFG), hf.state_dict())
    wide = ViT(ViTConfig(image_size=28, patch_size=7, n_layer=2, n_head=4, n_embd=40, d_ff=48))
    with pytest.raises(WeightMismatchError, match=r"mis-shaped: cls_token is \[1, 1, 40\]"):
        load_hf_vit(wide, _hf_vit().state_dict())


def test_vit_bad_input():
    with pytest.raises(ValueError, match="must divide image_size"):
        ViT(ViTConfig(image_size=28, patch_size=5))
    with pytest.raises(ValueError, match=r"expected images of shape \(B, 1, 28, 28\)"):
        ViT(OUR_CFG)(torch.zeros(2, 28, 28))
    with pytest.raises(ValueError, match="batch, channels, height, width"):
        patchify(torch.zeros(28, 28), 7)


def test_contrastive_loss_equals_hugging_face_clip():
    from transformers.models.clip.modeling_clip import image_text_contrastive_loss

    g = torch.Generator().manual_seed(0)
    logits = torch.randn(5, 5, generator=g) * 10  # scores up to ~30: a stability check too
    logits[2] += 40.0  # one row with a much larger maximum
    # HF computes from logits_per_text = logits_per_image.T
    want = image_text_contrastive_loss(logits.T)
    torch.testing.assert_close(contrastive_loss(logits), want, atol=1e-6, rtol=1e-6)
    assert torch.isfinite(contrastive_loss(logits * 100))


def test_logits_and_loss_equal_clipmodel_on_the_same_embeddings():
    cfg = transformers.CLIPConfig(
        text_config={
            "vocab_size": 50,
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "max_position_embeddings": 10,
        },
        vision_config={
            "image_size": 28,
            "patch_size": 7,
            "num_channels": 3,
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
        },
        projection_dim=8,
    )
    torch.manual_seed(0)
    hf = transformers.CLIPModel(cfg).eval()
    with torch.no_grad():
        hf.logit_scale.fill_(1.7)
    ids = torch.randint(1, 50, (4, 6), generator=torch.Generator().manual_seed(2))
    pixels = torch.randn(4, 3, 28, 28, generator=torch.Generator().manual_seed(3))
    out = hf(input_ids=ids, pixel_values=pixels, return_loss=True)
    ours = clip_logits(out.image_embeds, out.text_embeds, hf.logit_scale)
    torch.testing.assert_close(ours, out.logits_per_image, atol=1e-5, rtol=0)
    torch.testing.assert_close(contrastive_loss(ours), out.loss, atol=1e-5, rtol=0)


def test_contrastive_loss_rejects_non_square():
    with pytest.raises(ValueError, match=r"square \(B, B\)"):
        contrastive_loss(torch.zeros(3, 4))


def test_captions_and_tokenizer():
    assert caption_for(7) == "a handwritten seven"
    rng = random.Random(0)
    caps = {caption_for(3, rng) for _ in range(40)}
    assert len(caps) == 5 and all("three" in c for c in caps)
    tok = WordTokenizer()
    assert tok.decode(tok.encode("a handwritten seven")) == "a handwritten seven"
    with pytest.raises(ValueError, match="0…9"):
        caption_for(10)


def test_clip_forward_zero_shot_and_learning_signal():
    torch.manual_seed(0)
    tok = WordTokenizer()
    cfg = CLIPConfig(
        vision=ViTConfig(n_layer=1, n_embd=32, d_ff=32),
        vocab_size=tok.vocab_size,
        text_layers=1,
        text_embd=32,
        embed_dim=16,
    )
    model = CLIP(cfg)
    images = torch.randn(4, 1, 28, 28)
    ids, mask = tok.batch([caption_for(d) for d in (1, 2, 3, 4)])
    logits, loss = model(images, ids, mask)
    assert logits.shape == (4, 4)
    # random encoders: the loss is near ln B (every caption about equally likely)
    assert abs(loss.item() - math.log(4)) < 1.0
    loss.backward()
    assert model.logit_scale.grad is not None
    preds = zero_shot_predict(model, tok, images, [caption_for(d) for d in range(10)])
    assert preds.shape == (4,) and int(preds.max()) < 10


def test_captioner_teacher_forcing_and_generation():
    torch.manual_seed(0)
    tok = WordTokenizer()
    model = Captioner(
        CaptionerConfig(
            vision=ViTConfig(n_layer=1, n_embd=32, d_ff=32), vocab_size=tok.vocab_size, n_layer=1
        )
    )
    x, y = caption_batch(tok, ["a handwritten seven", "two"])
    assert x[0, 0] == tok.bos_id and y[0, 3] == tok.eos_id and y[1, 1] == tok.eos_id
    assert y[1, 2:].tolist() == [-100, -100]  # the shorter caption's padding is ignored
    images = torch.randn(2, 1, 28, 28)
    logits, loss = model(images, x, y)
    assert logits.shape == (2, x.size(1), tok.vocab_size)
    assert abs(loss.item() - math.log(tok.vocab_size)) < 1.0
    # overfit one image–caption pair: the decoder must learn to write it
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    x1, y1 = caption_batch(tok, ["a handwritten seven"])
    for _ in range(60):
        _, loss = model(images[:1], x1, y1)
        opt.zero_grad()
        loss.backward()
        opt.step()
    out = model.generate(images[:1], tok.bos_id, tok.eos_id)
    assert tok.decode(out[0]) == "a handwritten seven"
