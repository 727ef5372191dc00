"""An English → German transformer trained on Multi30k: tokenizer, model, training, decoding.

* **Subwords.** One byte-level BPE (``ladder.nlp.bpe``) learnt on the English and German
  training sentences together (a *joint* vocabulary), plus ``<pad>``, ``<bos>``, ``<eos>``.
  Shared subwords let names and numbers pass through, and let the source embedding, the
  target embedding and the output layer be one matrix (Press & Wolf, 2017,
  arXiv:1608.05859).
* **Model.** ``ladder.transformer.seq2seq.Seq2SeqTransformer`` (Vaswani et al., 2017,
  arXiv:1706.03762), small and pre-norm: 3 encoder and 3 decoder layers, width 256.
* **Training.** Batches of sentences of similar length (about ``batch_tokens`` target
  tokens each), cross-entropy with label smoothing 0.1, AdamW with a linear warm-up and a
  cosine decay over a *compute* budget: the run stops after ``cpu_minutes`` of processor
  time spent in training steps (``time.process_time``, all threads of this process). 60
  CPU-minutes is what two cores give in 30 minutes when nobody else uses them; on a
  shared machine the wall clock is longer, and both are recorded, so BLEU can be
  plotted against the compute spent.
* **Decoding.** Greedy or beam search (``ladder.projects.beam``).

``train_translator`` is what the lab ``projects.train-translator`` calls; it writes
``translator.pt`` (weights, configuration and the BPE merges), which
``ladder.projects.translate`` loads.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor

from ladder.nlp.bpe import GPT2BPETokenizer
from ladder.transformer.seq2seq import Seq2SeqConfig, Seq2SeqTransformer

__all__ = [
    "SubwordVocab",
    "TranslatorConfig",
    "TranslatorRun",
    "train_translator",
    "build_model",
    "save_translator",
    "load_translator",
    "translate_batch",
    "CHECKPOINT_NAME",
]

CHECKPOINT_NAME = "translator.pt"
FORMAT = "ladder-translator"
VERSION = 1
SPECIALS = ("<pad>", "<bos>", "<eos>")


class SubwordVocab:
    """A joint byte-level BPE with padding, start and end tokens."""

    def __init__(self, bpe: GPT2BPETokenizer):
        self.bpe = bpe
        self.pad_id, self.bos_id, self.eos_id = (bpe.special_tokens_[s] for s in SPECIALS)

    @classmethod
    def train(cls, texts: Sequence[str], vocab_size: int) -> SubwordVocab:
        bpe = GPT2BPETokenizer().train("\n".join(texts), vocab_size - len(SPECIALS), SPECIALS)
        return cls(bpe)

    @property
    def size(self) -> int:
        return self.bpe.vocab_size

    def encode(self, text: str) -> list[int]:
        return self.bpe.encode_ordinary(text)

    def decode(self, ids: Sequence[int]) -> str:
        specials = {self.pad_id, self.bos_id, self.eos_id}
        return self.bpe.decode([i for i in ids if i not in specials]).strip()

    def state(self) -> dict[str, Any]:
        return {"merges": [list(p) for p in self.bpe.merges_], "specials": list(SPECIALS)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> SubwordVocab:
        bpe = GPT2BPETokenizer()
        merges = {}
        for rank, (a, b) in enumerate(state["merges"]):
            merges[(a, b)] = 256 + rank
            bpe.vocab_[256 + rank] = bpe.vocab_[a] + bpe.vocab_[b]
        bpe.merges_ = merges
        bpe.register_special_tokens(state["specials"])
        return cls(bpe)


@dataclass(frozen=True)
class TranslatorConfig:
    vocab_size: int = 6000  # joint BPE vocabulary, the three special tokens included
    d_model: int = 256  # width of every token vector
    n_head: int = 4  # attention heads
    n_layers: int = 3  # encoder layers = decoder layers
    d_ff: int = 512  # feed-forward width
    dropout: float = 0.1  # dropout on embeddings, attention and sub-layer outputs
    label_smoothing: float = 0.1  # target distribution: 0.9 on the word, 0.1 spread
    batch_tokens: int = 3000  # target tokens per batch (sentences of similar length)
    peak_lr: float = 1.5e-3  # AdamW learning rate after warm-up
    warmup_steps: int = 200  # linear warm-up steps
    weight_decay: float = 0.01  # AdamW decoupled weight decay on matrices
    cpu_minutes: float = 60.0  # training budget in processor minutes (evaluation excluded)
    # A budget in steps instead (quick runs and tests): the same steps, schedule and model
    # on every machine, however loaded; validation every third of it.
    max_steps: int | None = None
    eval_every_minutes: float = 6.0  # validation BLEU every this many CPU-minutes
    eval_sentences: int = 300  # validation sentences per evaluation (greedy)
    max_len: int = 64  # longest source or target in tokens (longer pairs are skipped)
    max_train_pairs: int | None = None  # use only the first n training pairs (quick runs)
    seed: int = 0  # data order, dropout and initialisation


@dataclass
class TranslatorRun:
    """What ``train_translator`` returns."""

    steps: int
    epochs: float
    cpu_minutes: float  # processor minutes in training steps (evaluations excluded)
    wall_minutes: float  # wall-clock minutes of the same steps
    n_params: int
    # cpu_minutes, wall_minutes, step, train_loss, val_bleu at each evaluation
    history: list[dict[str, float]] = field(default_factory=list)
    checkpoint: str | None = None


def build_model(cfg: TranslatorConfig, vocab: SubwordVocab) -> Seq2SeqTransformer:
    """The pre-norm encoder–decoder with one shared embedding / output matrix."""
    model = Seq2SeqTransformer(
        Seq2SeqConfig(
            src_vocab_size=vocab.size,
            tgt_vocab_size=vocab.size,
            d_model=cfg.d_model,
            n_head=cfg.n_head,
            n_encoder_layers=cfg.n_layers,
            n_decoder_layers=cfg.n_layers,
            d_ff=cfg.d_ff,
            dropout=cfg.dropout,
            norm_first=True,
            n_positions=cfg.max_len + 2,
            pad_id=vocab.pad_id,
        )
    )
    # embeddings are multiplied by √d in the model: start them at std 1/√d (fairseq)
    torch.nn.init.normal_(model.src_embed.weight, std=cfg.d_model**-0.5)
    model.tgt_embed.weight = model.src_embed.weight
    model.head.weight = model.src_embed.weight
    return model


def _encode_pairs(vocab: SubwordVocab, src: Sequence[str], tgt: Sequence[str], max_len: int):
    pairs = []
    for s, t in zip(src, tgt, strict=True):
        a, b = vocab.encode(s), vocab.encode(t)
        if 0 < len(a) <= max_len and 0 < len(b) <= max_len:
            pairs.append((a, b))
    return pairs


def _batches(pairs: list, batch_tokens: int, rng: random.Random) -> list[list]:
    """Shuffle, sort within large pools by length, cut into batches of ~batch_tokens."""
    order = list(range(len(pairs)))
    rng.shuffle(order)
    batches = []
    pool = 100 * max(1, batch_tokens // 20)
    for start in range(0, len(order), pool):
        chunk = sorted(
            order[start : start + pool], key=lambda i: (len(pairs[i][1]), len(pairs[i][0]))
        )
        batch: list = []
        longest = 0
        for i in chunk:
            longest = max(longest, len(pairs[i][1]) + 1, len(pairs[i][0]))
            if batch and longest * (len(batch) + 1) > batch_tokens:
                batches.append(batch)
                batch, longest = [], max(len(pairs[i][1]) + 1, len(pairs[i][0]))
            batch.append(pairs[i])
        if batch:
            batches.append(batch)
    rng.shuffle(batches)
    return batches


def _tensors(batch: list, vocab: SubwordVocab) -> tuple[Tensor, Tensor, Tensor]:
    """src (B, S); decoder input <bos> y (B, T); targets y <eos> (B, T); padded."""
    S = max(len(a) for a, _ in batch)
    T = max(len(b) for _, b in batch) + 1
    src = torch.full((len(batch), S), vocab.pad_id, dtype=torch.long)
    dec = torch.full((len(batch), T), vocab.pad_id, dtype=torch.long)
    tgt = torch.full((len(batch), T), vocab.pad_id, dtype=torch.long)
    for i, (a, b) in enumerate(batch):
        src[i, : len(a)] = torch.tensor(a)
        dec[i, : len(b) + 1] = torch.tensor([vocab.bos_id, *b])
        tgt[i, : len(b) + 1] = torch.tensor([*b, vocab.eos_id])
    return src, dec, tgt


def lr_at(cpu_seconds: float, step: int, cfg: TranslatorConfig) -> float:
    """Linear warm-up over steps, then cosine decay (to 5 % of the peak) over the fraction
    of the compute budget used (of ``max_steps`` when the budget is in steps)."""
    warm = min(1.0, (step + 1) / (cfg.warmup_steps + 1))
    if cfg.max_steps is not None:
        frac = min(1.0, step / cfg.max_steps)
    else:
        frac = min(1.0, cpu_seconds / (cfg.cpu_minutes * 60))
    return cfg.peak_lr * warm * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))


def translate_batch(
    model: Seq2SeqTransformer,
    vocab: SubwordVocab,
    sentences: Sequence[str],
    beam_size: int = 1,
    max_len: int = 64,
    length_penalty: float = 1.0,
    batch_size: int = 64,
) -> list[str]:
    """Translate sentences (greedy when ``beam_size`` is 1); the order is kept."""
    from ladder.projects.beam import beam_search

    model.eval()
    out: list[str] = [""] * len(sentences)
    limit = model.config.n_positions - 2
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        ids = [vocab.encode(sentences[i])[:limit] or [vocab.eos_id] for i in idx]
        S = max(len(x) for x in ids)
        src = torch.full((len(ids), S), vocab.pad_id, dtype=torch.long)
        for r, x in enumerate(ids):
            src[r, : len(x)] = torch.tensor(x)
        n_out = min(max_len, limit)
        with torch.no_grad():
            if beam_size == 1:
                res = model.greedy_decode(src, vocab.bos_id, vocab.eos_id, n_out)
                hyps = [
                    [t for t in row[1:] if t not in (vocab.eos_id, vocab.pad_id)]
                    for row in _cut_at_eos(res.tolist(), vocab.eos_id)
                ]
            else:
                memory, mask = model.encode(src)

                def step(rows: Tensor, prefix: Tensor, memory=memory, mask=mask) -> Tensor:
                    return model.decode(prefix, memory[rows], mask[rows])[:, -1]

                hyps = beam_search(
                    step, len(ids), vocab.bos_id, vocab.eos_id, n_out, beam_size, length_penalty
                )
        for i, h in zip(idx, hyps, strict=True):
            out[i] = vocab.decode(h)
    return out


def _cut_at_eos(rows: list[list[int]], eos: int) -> list[list[int]]:
    return [row[: row.index(eos)] if eos in row else row for row in rows]


def save_translator(
    path: Path,
    model: Seq2SeqTransformer,
    vocab: SubwordVocab,
    cfg: TranslatorConfig,
    extra: dict | None = None,
) -> None:
    torch.save(
        {
            "format": FORMAT,
            "version": VERSION,
            "config": asdict(cfg),
            "vocab": vocab.state(),
            "model": model.state_dict(),
            "extra": extra or {},
        },
        path,
    )


def load_translator(path: str | Path) -> tuple[Seq2SeqTransformer, SubwordVocab, dict]:
    """Model (in eval mode), vocabulary and the saved extras of a ``translator.pt``."""
    ckpt = torch.load(path, map_location="cpu", weights_only=False)
    if not isinstance(ckpt, dict) or ckpt.get("format") != FORMAT:
        raise ValueError(f"{path} is not a translator checkpoint (format {FORMAT!r}).")
    if ckpt.get("version", 0) > VERSION:
        raise ValueError(f"{path} was written by a newer Ladder; upgrade to load it.")
    cfg = TranslatorConfig(**ckpt["config"])
    vocab = SubwordVocab.from_state(ckpt["vocab"])
    model = build_model(cfg, vocab)
    model.load_state_dict(ckpt["model"])
    return model.eval(), vocab, ckpt.get("extra", {})


def train_translator(
    cfg: TranslatorConfig,
    train: tuple[Sequence[str], Sequence[str]],
    valid: tuple[Sequence[str], Sequence[str]],
    out_dir: str | Path | None = None,
    on_eval: Callable[[dict[str, float]], None] | None = None,
    on_step: Callable[[int, float], None] | None = None,
) -> TranslatorRun:
    """Train for ``cfg.cpu_minutes`` of processor time (or ``cfg.max_steps`` steps);
    evaluate greedy validation BLEU (ours, ``ladder.projects.bleu``) every
    ``cfg.eval_every_minutes`` (every third of the steps) and at the end."""
    from ladder.projects.bleu import corpus_bleu

    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    src, tgt = list(train[0]), list(train[1])
    if cfg.max_train_pairs is not None:
        src, tgt = src[: cfg.max_train_pairs], tgt[: cfg.max_train_pairs]
    vocab = SubwordVocab.train(src + tgt, cfg.vocab_size)
    pairs = _encode_pairs(vocab, src, tgt, cfg.max_len)
    model = build_model(cfg, vocab)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": cfg.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=cfg.peak_lr,
        betas=(0.9, 0.98),
        eps=1e-9,
    )
    v_src = list(valid[0])[: cfg.eval_sentences]
    v_ref = list(valid[1])[: cfg.eval_sentences]
    history: list[dict[str, float]] = []
    budget = cfg.cpu_minutes * 60
    trained = 0.0  # processor seconds in training steps so far
    wall = 0.0  # wall-clock seconds of the same steps
    step, seen, losses = 0, 0, []
    next_eval = cfg.eval_every_minutes * 60
    eval_steps = max(1, cfg.max_steps // 3) if cfg.max_steps is not None else 0

    def done() -> bool:
        return step >= cfg.max_steps if cfg.max_steps is not None else trained >= budget

    def due() -> bool:
        if cfg.max_steps is not None:
            return step % eval_steps == 0
        return trained >= next_eval

    def evaluate() -> None:
        hyps = translate_batch(model, vocab, v_src, beam_size=1, max_len=cfg.max_len)
        point = {
            "cpu_minutes": trained / 60,
            "wall_minutes": wall / 60,
            "step": step,
            "train_loss": sum(losses[-50:]) / max(1, len(losses[-50:])),
            "val_bleu": corpus_bleu(hyps, [v_ref]).score,
        }
        history.append(point)
        if on_eval is not None:
            on_eval(point)
        model.train()

    evaluate()
    model.train()
    while not done():
        for batch in _batches(pairs, cfg.batch_tokens, rng):
            t0, c0 = time.perf_counter(), time.process_time()
            s, d, y = _tensors(batch, vocab)
            for g in opt.param_groups:
                g["lr"] = lr_at(trained, step, cfg)
            logits, _ = model(s, d)
            loss = F.cross_entropy(
                logits.reshape(-1, logits.size(-1)),
                y.reshape(-1),
                ignore_index=vocab.pad_id,
                label_smoothing=cfg.label_smoothing,
            )
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            trained += time.process_time() - c0
            wall += time.perf_counter() - t0
            step += 1
            seen += len(batch)
            losses.append(loss.item())
            if on_step is not None:
                on_step(step, losses[-1])
            if due() and not done():
                evaluate()
                next_eval += cfg.eval_every_minutes * 60
            if done():
                break
    evaluate()
    run = TranslatorRun(
        step,
        seen / max(1, len(pairs)),
        trained / 60,
        wall / 60,
        sum(p.numel() for p in model.parameters()),
        history,
    )
    if out_dir is not None:
        path = Path(out_dir) / CHECKPOINT_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        save_translator(path, model, vocab, cfg, {"history": history, "steps": step})
        run.checkpoint = str(path)
    return run
