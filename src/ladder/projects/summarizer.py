"""An abstractive summariser for dialogues: a frozen pretrained encoder, a small decoder.

DialogSum ships only 500 dialogues with one summary (dev) here, far too few to train an
encoder–decoder from scratch. So the encoder is the real all-MiniLM-L6-v2 through our BERT
(``ladder.transformer.minilm``), frozen: its last hidden states (256 word pieces at most)
are computed once per dialogue. Only a small decoder is trained: two pre-norm decoder
layers (``ladder.transformer.block``) that attend to the projected encoder states and
write the summary over a byte-level BPE of the summaries (``ladder.nlp.bpe``), with
label smoothing, AdamW and a compute budget in CPU-minutes (as the translator). Decoding
is greedy. This is transfer learning in its cheapest form: feature extraction for a
generator.

``train_summarizer`` is what the lab ``projects.train-summarizer`` calls; it writes
``summarizer.pt``, which :func:`load_summarizer` reads for ``ladder.projects.summarize``.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.nlp.bpe import GPT2BPETokenizer
from ladder.transformer.attention import causal_mask, padding_mask
from ladder.transformer.block import PreNormDecoderLayer
from ladder.transformer.positions import SinusoidalPositions

__all__ = [
    "SummarizerConfig",
    "SummaryDecoder",
    "Summarizer",
    "train_summarizer",
    "load_summarizer",
    "CHECKPOINT_NAME",
]

CHECKPOINT_NAME = "summarizer.pt"
FORMAT = "ladder-summarizer"
SPECIALS = ("<pad>", "<bos>", "<eos>")


@dataclass(frozen=True)
class SummarizerConfig:
    vocab_size: int = 2000  # BPE vocabulary of the summaries (specials included)
    d_model: int = 256  # decoder width
    n_head: int = 4  # decoder attention heads
    n_layers: int = 2  # decoder layers
    d_ff: int = 1024  # feed-forward width
    dropout: float = 0.1  # dropout inside the decoder
    memory_dim: int = 384  # width of the frozen encoder's states (MiniLM: 384)
    max_source: int = 256  # word pieces of the dialogue the encoder reads
    max_target: int = 80  # longest summary in BPE tokens
    label_smoothing: float = 0.1
    batch_size: int = 16  # dialogues per step
    peak_lr: float = 1e-3
    warmup_steps: int = 50
    cpu_minutes: float = 20.0  # training budget (processor minutes)
    seed: int = 0


class SummaryDecoder(nn.Module):
    """Decoder over frozen encoder states: ``forward(memory, memory_keep, tgt) -> logits``.

    memory (B, S, memory_dim), memory_keep (B, S) bool, tgt (B, T) ids → (B, T, V).
    """

    def __init__(self, config: SummarizerConfig, pad_id: int):
        super().__init__()
        c = config
        self.config, self.pad_id = c, pad_id
        self.proj = nn.Linear(c.memory_dim, c.d_model)
        self.embed = nn.Embedding(c.vocab_size, c.d_model)
        nn.init.normal_(self.embed.weight, std=c.d_model**-0.5)
        self.positions = SinusoidalPositions(c.max_target + 2, c.d_model)
        self.drop = nn.Dropout(c.dropout)
        self.layers = nn.ModuleList(
            PreNormDecoderLayer(c.d_model, c.n_head, c.d_ff, c.dropout, "gelu")
            for _ in range(c.n_layers)
        )
        self.norm = nn.LayerNorm(c.d_model)
        self.head = nn.Linear(c.d_model, c.vocab_size)
        self.head.weight = self.embed.weight  # tied input and output embeddings

    def forward(self, memory: Tensor, memory_keep: Tensor, tgt: Tensor) -> Tensor:
        m = self.proj(memory)
        x = self.drop(self.positions(self.embed(tgt) * math.sqrt(self.config.d_model)))
        self_mask = causal_mask(tgt.size(1), device=tgt.device)
        mem_mask = padding_mask(memory_keep)
        for layer in self.layers:
            x = layer(x, m, self_mask=self_mask, memory_mask=mem_mask)
        return self.head(self.norm(x))


class Summarizer:
    """Frozen MiniLM + the trained decoder + the BPE: ``summarize(text) -> (summary, notice)``."""

    def __init__(self, decoder: SummaryDecoder, bpe: GPT2BPETokenizer, encoder: Any = None):
        from ladder.transformer.minilm import load_minilm

        self.decoder = decoder.eval()
        self.bpe = bpe
        self.pad, self.bos, self.eos = (bpe.special_tokens_[s] for s in SPECIALS)
        self.encoder, self.tokenizer = encoder if encoder is not None else load_minilm()
        self.tokenizer.enable_truncation(max_length=decoder.config.max_source)

    def encode_sources(self, texts: Sequence[str]) -> list[Tensor]:
        """Frozen encoder states, one (S_i, 384) tensor per text (float32)."""
        out = []
        with torch.no_grad():
            for start in range(0, len(texts), 16):
                encs = self.tokenizer.encode_batch(list(texts[start : start + 16]))
                T = max(len(e.ids) for e in encs)
                ids = torch.zeros(len(encs), T, dtype=torch.long)
                keep = torch.zeros(len(encs), T, dtype=torch.long)
                for i, e in enumerate(encs):
                    ids[i, : len(e.ids)] = torch.tensor(e.ids)
                    keep[i, : len(e.ids)] = 1
                h = self.encoder(ids, attention_mask=keep)
                out += [h[i, : int(keep[i].sum())].clone() for i in range(len(encs))]
        return out

    def generate(self, memories: Sequence[Tensor]) -> list[str]:
        """Greedy summaries for precomputed encoder states."""
        mem, keep = _pad_memories(memories)
        out = torch.full((len(memories), 1), self.bos, dtype=torch.long)
        done = torch.zeros(len(memories), dtype=torch.bool)
        with torch.no_grad():
            for _ in range(self.decoder.config.max_target):
                nxt = self.decoder(mem, keep, out)[:, -1].argmax(-1)
                nxt = torch.where(done, torch.full_like(nxt, self.pad), nxt)
                out = torch.cat([out, nxt[:, None]], 1)
                done |= nxt == self.eos
                if bool(done.all()):
                    break
        texts = []
        for row in out.tolist():
            ids = [t for t in row[1:] if t not in (self.pad, self.bos)]
            ids = ids[: ids.index(self.eos)] if self.eos in ids else ids
            texts.append(self.bpe.decode(ids).strip())
        return texts

    def summarize(self, text: str) -> tuple[str, str | None]:
        enc = self.tokenizer.encode(text)
        notice = None
        if enc.overflowing:
            notice = (
                f"the text is longer than the encoder's {self.decoder.config.max_source} "
                "word pieces; only its beginning was read."
            )
        return self.generate(self.encode_sources([text]))[0], notice


def _pad_memories(memories: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
    S = max(m.size(0) for m in memories)
    mem = torch.zeros(len(memories), S, memories[0].size(1))
    keep = torch.zeros(len(memories), S, dtype=torch.bool)
    for i, m in enumerate(memories):
        mem[i, : m.size(0)] = m.float()
        keep[i, : m.size(0)] = True
    return mem, keep


def train_summarizer(
    cfg: SummarizerConfig,
    sources: Sequence[str],
    summaries: Sequence[str],
    out_dir: str | Path | None = None,
    on_step: Any = None,
    encoder: Any = None,
) -> dict[str, Any]:
    """Fit the decoder for ``cfg.cpu_minutes``; returns steps, minutes, final loss and the
    checkpoint path."""
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    bpe = GPT2BPETokenizer().train("\n".join(summaries), cfg.vocab_size - len(SPECIALS), SPECIALS)
    decoder = SummaryDecoder(cfg, bpe.special_tokens_["<pad>"])
    model = Summarizer(decoder, bpe, encoder)
    memories = [m.half() for m in model.encode_sources(list(sources))]
    targets = [bpe.encode_ordinary(s)[: cfg.max_target] for s in summaries]
    opt = torch.optim.AdamW(
        decoder.parameters(), lr=cfg.peak_lr, betas=(0.9, 0.98), weight_decay=0.01
    )
    decoder.train()
    spent, wall, step, losses = 0.0, 0.0, 0, []
    order = list(range(len(memories)))
    while spent < cfg.cpu_minutes * 60:
        rng.shuffle(order)
        for start in range(0, len(order), cfg.batch_size):
            c0, t0 = time.process_time(), time.perf_counter()
            idx = order[start : start + cfg.batch_size]
            mem, keep = _pad_memories([memories[i] for i in idx])
            T = max(len(targets[i]) for i in idx) + 1
            dec = torch.full((len(idx), T), model.pad, dtype=torch.long)
            y = torch.full((len(idx), T), model.pad, dtype=torch.long)
            for r, i in enumerate(idx):
                t = targets[i]
                dec[r, : len(t) + 1] = torch.tensor([model.bos, *t])
                y[r, : len(t) + 1] = torch.tensor([*t, model.eos])
            frac = min(1.0, spent / (cfg.cpu_minutes * 60))
            lr = (
                cfg.peak_lr
                * min(1.0, (step + 1) / cfg.warmup_steps)
                * 0.5
                * (1 + math.cos(math.pi * frac))
            )
            for g in opt.param_groups:
                g["lr"] = lr
            logits = decoder(mem, keep, dec)
            loss = F.cross_entropy(
                logits.reshape(-1, logits.size(-1)),
                y.reshape(-1),
                ignore_index=model.pad,
                label_smoothing=cfg.label_smoothing,
            )
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(decoder.parameters(), 1.0)
            opt.step()
            spent += time.process_time() - c0
            wall += time.perf_counter() - t0
            step += 1
            losses.append(loss.item())
            if on_step is not None:
                on_step(step, losses[-1])
            if spent >= cfg.cpu_minutes * 60:
                break
    decoder.eval()
    result: dict[str, Any] = {
        "steps": step,
        "cpu_minutes": spent / 60,
        "wall_minutes": wall / 60,
        "final_loss": sum(losses[-20:]) / max(1, len(losses[-20:])),
        "n_params": sum(p.numel() for p in decoder.parameters()),
        "model": model,
    }
    if out_dir is not None:
        path = Path(out_dir) / CHECKPOINT_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save(
            {
                "format": FORMAT,
                "version": 1,
                "config": asdict(cfg),
                "merges": [list(p) for p in bpe.merges_],
                "decoder": decoder.state_dict(),
            },
            path,
        )
        result["checkpoint"] = str(path)
    return result


def load_summarizer(path: str | Path, encoder: Any = None) -> Summarizer:
    ckpt = torch.load(path, map_location="cpu", weights_only=False)
    if not isinstance(ckpt, dict) or ckpt.get("format") != FORMAT:
        raise ValueError(f"{path} is not a summariser checkpoint (format {FORMAT!r}).")
    from ladder.projects.translator import SubwordVocab

    vocab = SubwordVocab.from_state({"merges": ckpt["merges"], "specials": list(SPECIALS)})
    cfg = SummarizerConfig(**ckpt["config"])
    decoder = SummaryDecoder(cfg, vocab.pad_id)
    decoder.load_state_dict(ckpt["decoder"])
    return Summarizer(decoder, vocab.bpe, encoder)
