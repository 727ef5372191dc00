"""Fixtures for the project tools: a fast stand-in sentence encoder, tiny trained models."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest


class HashEncoder:
    """A deterministic stand-in for MiniLM: each word hashes to a fixed random vector;
    a text is the normalised sum. Shared words give similar vectors, which is all the
    service tests need (the real model's parity is tested in tests/transformer)."""

    dim = 64

    def __init__(self):
        self.calls = 0

    def _word(self, w: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(w.encode()).digest()[:4], "little")
        return np.random.default_rng(seed).normal(size=self.dim)

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z0-9]+", t.lower()):
                out[i] += self._word(w)
            n = np.linalg.norm(out[i])
            out[i] = out[i] / n if n else out[i]
        return out


@pytest.fixture
def hash_encoder():
    return HashEncoder()


@pytest.fixture(scope="session")
def tiny_sentiment():
    """The tool's TF-IDF model fitted on 600 tweets (seconds)."""
    from ladder.data.text import tweets
    from ladder.projects.sentiment import TfidfSentiment

    rows = tweets()
    rng = np.random.default_rng(0)
    idx = rng.permutation(len(rows))[:600]
    return TfidfSentiment(max_features=300).fit(
        [rows[i][0] for i in idx], [rows[i][1] for i in idx]
    )
