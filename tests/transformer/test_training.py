"""Training loop pieces: the schedule against torch's schedulers, AdamW groups, checkpoints."""

from __future__ import annotations

import dataclasses

import pytest

torch = pytest.importorskip("torch")

from ladder.transformer.gpt import GPT, GPTConfig  # noqa: E402
from ladder.transformer.training import (  # noqa: E402
    TrainConfig,
    configure_optimizer,
    load_checkpoint,
    lr_at,
    save_checkpoint,
    train,
)
from ladder.transformer.weights import WeightMismatchError  # noqa: E402

CFG = GPTConfig(vocab_size=16, block_size=8, n_layer=1, n_head=2, n_embd=8)


def _model(cfg=CFG, seed=0):
    torch.manual_seed(seed)
    return GPT(cfg)


@pytest.mark.parametrize(("warmup", "decay"), [(10, 100), (100, 2000), (0, 50)])
def test_schedule_matches_torch_schedulers(warmup, decay):
    cfg = TrainConfig(learning_rate=1e-3, min_lr=1e-4, warmup_iters=warmup, lr_decay_iters=decay)
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=cfg.learning_rate)
    sched = torch.optim.lr_scheduler
    cosine = sched.CosineAnnealingLR(opt, T_max=decay - warmup, eta_min=cfg.min_lr)
    if warmup:
        linear = sched.LinearLR(opt, 1 / (warmup + 1), 1.0, total_iters=warmup)
        ref = sched.SequentialLR(opt, [linear, cosine], milestones=[warmup])
    else:
        ref = cosine
    for it in range(decay + 1):  # torch's cosine is periodic after T_max; ours stays at min
        # torch updates the rate recursively, ours in closed form: 1e-12 relative is rounding
        assert lr_at(it, cfg) == pytest.approx(opt.param_groups[0]["lr"], rel=1e-12, abs=1e-15)
        opt.step()
        ref.step()
    assert lr_at(decay + 5, cfg) == cfg.min_lr


def test_weight_decay_only_on_matrices():
    opt = configure_optimizer(_model(), TrainConfig(weight_decay=0.1))
    decay, no_decay = opt.param_groups
    assert decay["weight_decay"] == 0.1 and no_decay["weight_decay"] == 0.0
    assert all(p.dim() >= 2 for p in decay["params"])
    assert all(p.dim() == 1 for p in no_decay["params"])


def _batches():
    g = torch.Generator().manual_seed(0)
    pattern = torch.arange(40) % 16  # a periodic sequence: easy to learn

    def get_batch(split):
        ix = torch.randint(0, 30, (4,), generator=g)
        x = torch.stack([pattern[i : i + 8] for i in ix])
        y = torch.stack([pattern[i + 1 : i + 9] for i in ix])
        return x, y

    return get_batch


def test_train_reduces_loss_and_clips():
    model = _model()
    cfg = TrainConfig(
        max_iters=60,
        learning_rate=1e-2,
        warmup_iters=5,
        lr_decay_iters=60,
        eval_interval=30,
        eval_iters=2,
        grad_clip=1.0,
    )
    res = train(model, _batches(), cfg)
    assert [h["iter"] for h in res.history] == [0, 30, 60]
    assert res.final["val"] < 0.5 * res.history[0]["val"]
    assert len(res.train_losses) == 60 and res.iters == 60


def test_checkpoint_roundtrip_resumes_exactly(tmp_path):
    model = _model()
    cfg = TrainConfig(max_iters=5, eval_interval=100, eval_iters=1)
    opt = configure_optimizer(model, cfg)
    train(model, _batches(), cfg, optimizer=opt)
    path = save_checkpoint(tmp_path / "ckpt.pt", model, opt, iter_num=5)
    loaded, ckpt = load_checkpoint(path)
    assert ckpt["format_version"] == 1 and ckpt["iter_num"] == 5
    assert loaded.config == model.config
    for (n, a), (_, b) in zip(model.state_dict().items(), loaded.state_dict().items(), strict=True):
        assert torch.equal(a, b), n
    assert loaded.lm_head.weight is loaded.wte.weight  # tying survives the round trip
    opt2 = configure_optimizer(loaded, cfg)
    opt2.load_state_dict(ckpt["optimizer"])
    x, y = _batches()("train")
    for m, o in ((model, opt), (loaded, opt2)):
        m.train()
        o.zero_grad()
        m(x, y)[1].backward()
        o.step()
    assert torch.equal(model.h[0].attn.c_attn.weight, loaded.h[0].attn.c_attn.weight)


def test_mismatched_checkpoint_lists_names(tmp_path):
    path = save_checkpoint(tmp_path / "ckpt.pt", _model())
    other = _model(dataclasses.replace(CFG, n_embd=12, n_layer=2))
    with pytest.raises(WeightMismatchError) as err:
        load_checkpoint(path, model=other)
    msg = str(err.value)
    assert "missing" in msg and "h.1.ln_1.weight" in msg
    assert "mis-shaped: wte.weight is [16, 12] in the model, [16, 8] given" in msg
    assert msg.rstrip().endswith("(or fix the name map).")


def test_wrong_format_and_version(tmp_path):
    bad = tmp_path / "bad.pt"
    torch.save({"format": "something-else"}, bad)
    with pytest.raises(ValueError, match="not a ladder GPT checkpoint"):
        load_checkpoint(bad)
    path = save_checkpoint(tmp_path / "ckpt.pt", _model())
    ckpt = torch.load(path, weights_only=True)
    ckpt["format_version"] = 99
    torch.save(ckpt, path)
    with pytest.raises(ValueError, match="format version 99, this code reads version 1"):
        load_checkpoint(path)
    with pytest.raises(FileNotFoundError, match="no checkpoint at"):
        load_checkpoint(tmp_path / "nope.pt")
