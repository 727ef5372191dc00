"""Domain-specific language models: the same small GPT trained on code or on prose, each
scored on both (Chen et al., 2021, Codex, arXiv:2107.03374; Gururangan et al., 2020,
"Don't stop pretraining", arXiv:2004.10964).

A model's perplexity on text x₁…x_N is ``exp(−(1/N) Σ_t log p(x_t | x_<t))``: the number
of equally likely characters it is, on average, choosing between. A model trained on a
domain assigns that domain's regularities high probability (indentation, ``def``,
``self.``) and pays on text that lacks them, so each model wins at home.

Corpora that ship with Python, split by module so no held-out file was seen in training:

* code: the standard library's own ``.py`` files (:func:`stdlib_split`);
* prose: the ``pydoc`` help topics (:func:`ladder.data.text.pydoc_topics`).
"""

from __future__ import annotations

import hashlib
import math
import sysconfig
from collections.abc import Sequence
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import Tensor, nn

__all__ = [
    "stdlib_files",
    "stdlib_split",
    "text_split",
    "random_windows",
    "train_lm",
    "perplexity",
    "perplexity_from_logits",
]


def stdlib_files() -> list[Path]:
    """The standard library's top-level ``.py`` modules of this Python, sorted by name."""
    folder = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(p for p in folder.glob("*.py") if p.is_file())
    if not files:
        raise FileNotFoundError(f"no .py files in {folder}; this Python ships without its source.")
    return files


def _held_out(name: str, frac: float) -> bool:
    # a stable hash of the module name: the split does not depend on the file order
    h = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < frac


def stdlib_split(held_out: float = 0.1, max_chars: int | None = None) -> tuple[str, str, list[str]]:
    """(training text, held-out text, held-out module names), split by module name.

    ``max_chars`` caps each part (whole files, in name order) to keep runs small.
    """
    if not 0 < held_out < 1:
        raise ValueError(f"held_out must lie strictly between 0 and 1, got {held_out}.")
    train, test, names = [], [], []
    n_train = n_test = 0
    for path in stdlib_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        if _held_out(path.stem, held_out):
            if max_chars is None or n_test < max_chars:
                test.append(text)
                names.append(path.stem)
                n_test += len(text)
        elif max_chars is None or n_train < max_chars:
            train.append(text)
            n_train += len(text)
    return "\n".join(train), "\n".join(test), names


def text_split(text: str, held_out: float = 0.1) -> tuple[str, str]:
    """(first part, last ``held_out`` share) of a prose corpus, cut at a line break."""
    cut = text.rfind("\n", 0, int(len(text) * (1 - held_out)))
    cut = cut if cut > 0 else int(len(text) * (1 - held_out))
    return text[:cut], text[cut:]


def random_windows(
    ids: Tensor, block_size: int, batch_size: int, generator: torch.Generator
) -> tuple[Tensor, Tensor]:
    """A batch of random (input, next-token target) windows of length ``block_size``."""
    if ids.numel() <= block_size:
        raise ValueError(f"the text has {ids.numel()} tokens; it needs more than {block_size}.")
    start = torch.randint(0, ids.numel() - block_size, (batch_size,), generator=generator)
    x = torch.stack([ids[s : s + block_size] for s in start.tolist()])
    y = torch.stack([ids[s + 1 : s + 1 + block_size] for s in start.tolist()])
    return x, y


def train_lm(model: nn.Module, ids: Tensor, cfg, val_ids: Tensor | None = None, on_eval=None):
    """Train ``model`` (our GPT) on random windows of ``ids`` with stage 5's loop
    (``ladder.transformer.training.train``: AdamW, warm-up, cosine decay, clipping).

    ``cfg`` is a ``TrainConfig``; ``val_ids`` (default: ``ids``) feeds the "val" estimates.
    Returns the ``TrainResult``.
    """
    from ladder.transformer.training import train

    g = torch.Generator().manual_seed(cfg.seed)
    val_ids = ids if val_ids is None else val_ids
    T = model.config.block_size

    def get_batch(split: str) -> tuple[Tensor, Tensor]:
        return random_windows(ids if split == "train" else val_ids, T, cfg.batch_size, g)

    torch.manual_seed(cfg.seed)
    return train(model, get_batch, cfg, on_eval=on_eval)


def perplexity_from_logits(logits: Tensor, targets: Tensor, ignore_index: int = -100) -> float:
    """exp(mean over scored positions of −log softmax(logits)[target]).

    logits (…, V), targets (…) with ``ignore_index`` where nothing is scored. Equals
    ``exp(F.cross_entropy(logits.flatten(0, -2), targets.flatten(), ignore_index=…))``.
    """
    keep = targets != ignore_index
    if not bool(keep.any()):
        raise ValueError("no position is scored: every target equals ignore_index.")
    logp = torch.log_softmax(logits.double(), dim=-1)
    nll = -logp[keep].gather(-1, targets[keep].unsqueeze(-1)).mean()
    return math.exp(float(nll))


@torch.no_grad()
def perplexity(
    model: nn.Module, ids: Tensor | Sequence[int], max_windows: int | None = None
) -> float:
    """exp of the mean next-token cross-entropy over consecutive windows of ``ids``.

    The text is cut into non-overlapping windows of ``block_size + 1`` tokens; every token
    but each window's first is predicted from the tokens before it in its window.
    """
    ids = torch.as_tensor(ids, dtype=torch.long)
    T = model.config.block_size
    n = (ids.numel() - 1) // T
    if n == 0:
        raise ValueError(f"the text has {ids.numel()} tokens; perplexity needs more than {T}.")
    if max_windows is not None:
        n = min(n, max_windows)
    model.eval()
    total, count = 0.0, 0
    for start in range(0, n, 64):
        rows = range(start, min(n, start + 64))
        x = torch.stack([ids[r * T : r * T + T] for r in rows])
        y = torch.stack([ids[r * T + 1 : r * T + T + 1] for r in rows])
        logits, _ = model(x)
        total += F.cross_entropy(
            logits.reshape(-1, logits.size(-1)), y.reshape(-1), reduction="sum"
        ).item()
        count += y.numel()
    return math.exp(total / count)
