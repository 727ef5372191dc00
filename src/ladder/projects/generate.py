"""Text generation as a tool: the stage-5 Shakespeare GPT, streamed character by character.

:class:`Generator` loads the newest checkpoint of the lab ``transformer.gpt-shakespeare``
(or a given ``ckpt.pt``). :meth:`Generator.stream` is a generator of new characters, so a
terminal prints and a web page sends each one as soon as it exists: the prompt fills the
key/value cache once, then every step feeds one token (``ladder.transformer.kv_cache``)
and samples it with temperature, top-k and top-p (``ladder.transformer.sampling``). When
the context (64 characters) is full, the cache is refilled from the last 64, exactly as
``GPT.generate`` does, so a seed gives the same text either way.

:func:`perplexity_comparison` sets the GPT's per-character perplexity on held-out text
beside stage 4's n-gram models (Kneser–Ney, ``ladder.nlp.ngram``) trained on the same
characters.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ladder.projects.common import ModelNotTrained, ProjectInputError, latest_run_file

__all__ = ["GenerationResult", "Generator", "perplexity_comparison", "GPT_LAB"]

GPT_LAB = "transformer.gpt-shakespeare"


@dataclass
class GenerationResult:
    prompt: str  # the prompt the model saw (cut to the context when longer)
    text: str  # the new characters only
    tokens: int
    model: str
    seconds: float
    notice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Generator:
    """Sampling from a char-level GPT checkpoint."""

    def __init__(self, checkpoint: str | Path):
        import torch

        from ladder.transformer.shakespeare import CharTokenizer
        from ladder.transformer.training import load_checkpoint

        self.model, ckpt = load_checkpoint(checkpoint)
        chars = ckpt.get("extra", {}).get("chars")
        if not chars:
            raise ProjectInputError(
                f"{checkpoint} holds no character vocabulary; use a checkpoint of "
                f"`ladder run {GPT_LAB}`."
            )
        self.model.eval()
        self.tok = CharTokenizer("".join(chars))
        self.name = f"Shakespeare GPT ({Path(checkpoint).parent.name})"
        self.block_size = self.model.config.block_size
        self._torch = torch

    @classmethod
    def load(
        cls, runs_dir: str | Path | None = None, checkpoint: str | Path | None = None
    ) -> Generator:
        if checkpoint is not None:
            if not Path(checkpoint).is_file():
                raise ProjectInputError(
                    f"there is no checkpoint at {checkpoint}; give a ckpt.pt file."
                )
            return cls(checkpoint)
        path = latest_run_file(runs_dir, GPT_LAB, "ckpt.pt")
        if path is None:
            raise ModelNotTrained(GPT_LAB, "Shakespeare GPT")
        return cls(path)

    def _prompt_ids(self, prompt: str) -> tuple[list[int], str, str | None]:
        if not isinstance(prompt, str) or not prompt:
            raise ProjectInputError(
                "the prompt is empty; give at least one character, e.g. 'ROMEO:'."
            )
        unknown = sorted({ch for ch in prompt if ch not in self.tok.stoi})
        if unknown:
            raise ProjectInputError(
                f"the prompt has characters the model never saw ({''.join(unknown)!r}); "
                "use the letters, digits and punctuation of the Shakespeare text."
            )
        notice = None
        if len(prompt) > self.block_size:
            notice = (
                f"the prompt has {len(prompt)} characters; the model sees only the last "
                f"{self.block_size} (its context)."
            )
            prompt = prompt[-self.block_size :]
        return self.tok.encode(prompt), prompt, notice

    def stream(
        self,
        prompt: str,
        max_new_tokens: int = 200,
        temperature: float = 0.8,
        top_k: int | None = 200,
        top_p: float | None = None,
        seed: int = 1337,
    ) -> Iterator[str]:
        """Yield each new character as soon as it is sampled."""
        from ladder.transformer.sampling import check_sampling, sample_next

        try:
            check_sampling(temperature, top_k, top_p)
        except ValueError as exc:
            raise ProjectInputError(str(exc)) from None
        if max_new_tokens < 0:
            raise ProjectInputError(f"max_new_tokens must be 0 or more, not {max_new_tokens}.")
        torch = self._torch
        ids, _, _ = self._prompt_ids(prompt)
        gen = torch.Generator().manual_seed(seed)
        idx = torch.tensor([ids], dtype=torch.long)
        cache = self.model.new_cache(1)
        bs = self.block_size
        with torch.no_grad():
            for _ in range(max_new_tokens):
                if cache.length == 0 or cache.length + 1 > bs:
                    cache.reset()
                    logits, _ = self.model(idx[:, -bs:], cache=cache)
                else:
                    logits, _ = self.model(idx[:, -1:], cache=cache)
                nxt = sample_next(logits[:, -1, :], temperature, top_k, top_p, False, gen)
                idx = torch.cat([idx, nxt], dim=1)
                yield self.tok.decode([int(nxt)])

    def generate(
        self,
        prompt: str,
        max_new_tokens: int = 200,
        temperature: float = 0.8,
        top_k: int | None = 200,
        top_p: float | None = None,
        seed: int = 1337,
    ) -> GenerationResult:
        t0 = time.perf_counter()
        _, seen, notice = self._prompt_ids(prompt)
        text = "".join(self.stream(prompt, max_new_tokens, temperature, top_k, top_p, seed))
        return GenerationResult(
            seen, text, max_new_tokens, self.name, time.perf_counter() - t0, notice
        )

    def perplexity(self, text: str, stride: int | None = None) -> float:
        """Per-character perplexity of ``text`` (every character after the first, each
        predicted from up to ``block_size`` characters before it)."""
        torch = self._torch
        try:
            ids = self.tok.encode(text)
        except ValueError as exc:
            raise ProjectInputError(str(exc)) from None
        if len(ids) < 2:
            raise ProjectInputError("perplexity needs at least two characters of text.")
        bs = self.block_size
        stride = stride or bs // 2
        nll, n = 0.0, 0
        with torch.no_grad():
            start = 0
            while start + 1 < len(ids):
                window = ids[start : start + bs + 1]
                x = torch.tensor([window[:-1]])
                y = torch.tensor(window[1:])
                logits, _ = self.model(x)
                lp = torch.log_softmax(logits[0].double(), -1)[torch.arange(len(y)), y]
                first = 0 if start == 0 else bs - stride  # count each target once
                nll -= float(lp[first:].sum())
                n += len(y) - first
                start += stride
        return math.exp(nll / n)


def ngram_char_perplexity(model: Any, lines: list[str]) -> float:
    """Per-character perplexity of an n-gram model over lines of characters: each line
    scores its characters and one end-of-line (as the GPT scores the newline)."""
    total, n = 0.0, 0
    for line in lines:
        grams = model.ngrams_of([list(line)])[: len(line) + 1]
        for g in grams:
            p = model.score(g[-1], g[:-1])
            total -= math.log(p) if p > 0 else math.inf
            n += 1
    return math.exp(total / n)


def perplexity_comparison(
    generator: Generator, n_chars: int = 20000, orders: tuple[int, ...] = (3, 5)
) -> list[dict[str, Any]]:
    """Per-character perplexity on the first ``n_chars`` of Tiny Shakespeare's held-out
    10 %: the GPT beside Kneser–Ney n-gram models fit on the training 90 %."""
    from ladder.nlp.ngram_trie import KneserNeyInterpolated  # the fast version, same floats
    from ladder.transformer.shakespeare import load_text

    text = load_text()
    cut = int(0.9 * len(text))
    train, held = text[:cut], text[cut : cut + n_chars]
    held = held[: held.rfind("\n") + 1]
    lines = held.split("\n")[:-1]
    rows = [{"model": generator.name, "perplexity": generator.perplexity(held)}]
    train_lines = [list(s) for s in train.split("\n")]
    for order in orders:
        lm = KneserNeyInterpolated(order).fit(train_lines)
        rows.append(
            {
                "model": f"Kneser–Ney {order}-gram (characters)",
                "perplexity": ngram_char_perplexity(lm, lines),
            }
        )
    return rows
