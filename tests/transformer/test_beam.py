"""Beam search: the same sequences and scores as Hugging Face's ``generate(num_beams=k)``
on a small random GPT-2 whose weights our GPT loads; the end-token and length-penalty
rules; bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.transformer.beam import beam_search, gpt_next_log_probs  # noqa: E402
from ladder.transformer.hf_gpt2 import from_hf_gpt2  # noqa: E402

VOCAB = 53


@pytest.fixture(scope="module")
def models():
    torch.manual_seed(0)
    cfg = transformers.GPT2Config(
        vocab_size=VOCAB, n_positions=32, n_embd=32, n_layer=2, n_head=4,
        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0, initializer_range=0.5,
    )  # fmt: skip
    hf = transformers.GPT2LMHeadModel(cfg).eval()
    return hf, from_hf_gpt2(hf).eval()


@pytest.mark.parametrize("num_beams", [1, 3, 5])
def test_same_beams_and_scores_as_hugging_face(models, num_beams):
    hf, ours = models
    prompt = [5, 17, 2]
    with torch.no_grad():
        out = hf.generate(
            torch.tensor([prompt]), num_beams=num_beams, do_sample=False, max_new_tokens=6,
            num_return_sequences=num_beams, eos_token_id=None, pad_token_id=0,
            output_scores=True, return_dict_in_generate=True,
        )  # fmt: skip
    beams = beam_search(gpt_next_log_probs(ours), prompt, num_beams, 6)
    assert [seq for seq, _ in beams] == out.sequences.tolist()
    if num_beams > 1:
        # HF's sequence score: sum of log-probabilities / generated length ** 1.0.
        # float32 logits through two blocks: agreement to ~1e-6 of scores of size ~10.
        ours_scores = [score / 6 for _, score in beams]
        np.testing.assert_allclose(ours_scores, out.sequences_scores.numpy(), atol=1e-4)


def _table_step(table):
    return lambda seqs: table[[s[-1] for s in seqs]]


def test_beam_finds_what_greedy_misses():
    # The gpt lesson's example: greedy 0.5 x 0.4 = 0.20, a beam of two 0.4 x 0.9 = 0.36.
    table = np.log(np.array([[0.4, 0.3, 0.3], [0.05, 0.05, 0.9], [0.5, 0.4, 0.1]]))
    greedy = beam_search(_table_step(table), [2], 1, 2)[0]
    beam = beam_search(_table_step(table), [2], 2, 2)[0]
    assert greedy[0] == [2, 0, 0] and math.exp(greedy[1]) == pytest.approx(0.20)
    assert beam[0] == [2, 1, 2] and math.exp(beam[1]) == pytest.approx(0.36)


def test_end_token_and_length_penalty():
    # token 3 ends a sequence; after the prompt it has probability 0.45, the best.
    p = np.full((4, 4), 0.1)
    p[0] = [0.25, 0.25, 0.05, 0.45]
    p[1] = [0.05, 0.05, 0.05, 0.85]
    p[2] = [0.3, 0.3, 0.3, 0.1]
    table = np.log(p)
    short = beam_search(_table_step(table), [0], 2, 4, eos_id=3, length_penalty=0.0)
    assert short[0][0] == [0, 3]  # raw sums favour the one-token ending
    assert all(seq[-1] == 3 for seq, _ in short)  # stopped: two beams finished
    # with a length penalty of 1 the average log-probability decides
    longer = beam_search(_table_step(table), [0], 2, 4, eos_id=3, length_penalty=1.0)
    assert longer[0][0] == [0, 0, 3] or longer[0][0] == [0, 1, 3]
    assert longer[0][1] / 2 > math.log(0.45)


def test_bad_input():
    table = np.log(np.full((2, 2), 0.5))
    with pytest.raises(ValueError, match="num_beams must be a positive integer"):
        beam_search(_table_step(table), [0], 0, 2)
    with pytest.raises(ValueError, match="max_new_tokens must be a positive integer"):
        beam_search(_table_step(table), [0], 2, 0)
    with pytest.raises(ValueError, match="one row of log-probabilities per sequence"):
        beam_search(lambda seqs: np.zeros(2), [0], 2, 2)
