"""Speculative decoding: greedy tokens identical to the target's own greedy decoding, and
sampled tokens distributed exactly as the target's.

The distribution check is exact, not statistical: with a 3-token vocabulary and γ = 2,
``exact_output_distribution`` enumerates every branch of the algorithm (every draft
sequence, accepted prefix and corrected token, each with its probability) using our
``acceptance_probability`` and ``residual_distribution``, and sums the probability of each
3-token output. That must equal the target's own chain-rule probability
p(x₁) p(x₂|x₁) p(x₃|x₁x₂) for all 27 outputs, to float64 rounding (1e-12). A wrong
acceptance rule or residual (q − p, p without the clamp, no renormalisation) misses by
more than 1e-3. A fixed-seed sampled run of the real loop then checks that the code
follows those rules: its empirical frequencies match the exact distribution (χ² below
the 0.999 quantile; deterministic, as the seed is fixed).
"""

from __future__ import annotations

import itertools

import pytest

torch = pytest.importorskip("torch")

from ladder.llm.llama import Llama, LlamaConfig  # noqa: E402
from ladder.llm.speculative import (  # noqa: E402
    acceptance_probability,
    expected_tokens_per_round,
    residual_distribution,
    speculative_generate,
)
from ladder.transformer.gpt import GPT, GPTConfig  # noqa: E402


def llama(seed, vocab=50, n_layer=2, n_embd=32, block=64, scale=1.0):
    torch.manual_seed(seed)
    m = Llama(LlamaConfig(vocab_size=vocab, block_size=block, n_layer=n_layer, n_head=4,
                          n_kv_head=2, n_embd=n_embd, hidden=48)).eval()  # fmt: skip
    with torch.no_grad():  # larger weights: peaked, varied distributions
        for p in m.parameters():
            if p.dim() == 2:
                p.mul_(scale)
    return m


def prompt(T=5, vocab=50, seed=0):
    return torch.randint(0, vocab, (1, T), generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("gamma", [1, 3, 5])
def test_greedy_equals_target_greedy(gamma):
    target, draft = llama(0, scale=8), llama(1, n_layer=1, n_embd=16, scale=8)
    for s in range(3):
        idx = prompt(seed=s)
        ref = target.generate(idx, 30, greedy=True)
        out, stats = speculative_generate(target, draft, idx, 30, gamma=gamma, temperature=0)
        assert torch.equal(out, ref)
        assert stats.new_tokens == 30 and 0 <= stats.acceptance_rate <= 1


def test_greedy_with_gpt_models_and_a_perfect_draft():
    torch.manual_seed(3)
    target = GPT(GPTConfig(vocab_size=40, block_size=64, n_layer=2, n_head=2, n_embd=32)).eval()
    idx = prompt(vocab=40)
    out, stats = speculative_generate(target, target, idx, 24, gamma=3, temperature=0)
    assert torch.equal(out, target.generate(idx, 24, greedy=True))
    # the draft is the target: every guess is accepted, γ + 1 tokens per target pass
    assert stats.acceptance_rate == 1.0
    assert stats.target_calls == 6 and stats.tokens_per_target_call == 4.0


def test_expected_tokens_per_round():
    assert expected_tokens_per_round(0.0, 4) == 1.0
    assert expected_tokens_per_round(1.0, 4) == 5.0
    assert expected_tokens_per_round(0.8, 4) == pytest.approx(3.3616)


# --- the output distribution, exactly ------------------------------------------------------

V, GAMMA, N = 3, 2, 3


_MEMO: dict = {}


def next_probs(model, seq: list[int]) -> torch.Tensor:
    """The model's next-token distribution after ``seq`` (float64 model, full forward)."""
    key = (id(model), tuple(seq))
    if key not in _MEMO:
        with torch.no_grad():
            _MEMO[key] = torch.softmax(model(torch.tensor([seq]))[0][0, -1], dim=-1)
    return _MEMO[key]


def exact_output_distribution(target, draft, seq: list[int], n: int) -> dict:
    """P(first n generated tokens = x) under speculative sampling, by enumeration."""
    out: dict[tuple, float] = {}

    def rounds(prefix: list[int], weight: float):
        done = len(prefix) - len(seq)
        if done >= n:
            key = tuple(prefix[len(seq) : len(seq) + n])
            out[key] = out.get(key, 0.0) + weight
            return
        for guess in itertools.product(range(V), repeat=GAMMA):
            q_path, qs, ps = 1.0, [], []
            for i, d in enumerate(guess):
                q = next_probs(draft, prefix + list(guess[:i]))
                qs.append(q)
                q_path *= float(q[d])
            ps = [next_probs(target, prefix + list(guess[:i])) for i in range(GAMMA + 1)]
            keep = 1.0  # probability that guesses 1 … i were all accepted
            for i, d in enumerate(guess):
                a = float(acceptance_probability(ps[i][d], qs[i][d]))
                reject = keep * (1 - a)
                if reject > 0:
                    r = residual_distribution(ps[i], qs[i])
                    for x in range(V):
                        rounds(
                            prefix + list(guess[:i]) + [x], weight * q_path * reject * float(r[x])
                        )
                keep *= a
            for x in range(V):  # all accepted: a bonus token from the target
                rounds(prefix + list(guess) + [x], weight * q_path * keep * float(ps[GAMMA][x]))

    rounds(list(seq), 1.0)
    return out


@pytest.fixture(scope="module")
def tiny_pair():
    target = llama(4, vocab=V, scale=6).double()
    draft = llama(5, vocab=V, n_layer=1, n_embd=16, scale=6).double()
    return target, draft


def target_distribution(target, seq, n):
    probs = {}
    for xs in itertools.product(range(V), repeat=n):
        p, prefix = 1.0, list(seq)
        for x in xs:
            p *= float(next_probs(target, prefix)[x])
            prefix.append(x)
        probs[xs] = p
    return probs


def test_sampled_outputs_follow_target_distribution_exactly(tiny_pair):
    target, draft = tiny_pair
    seq = [0, 2]
    want = target_distribution(target, seq, N)
    got = exact_output_distribution(target, draft, seq, N)
    assert set(got) == set(want)
    for xs in want:
        assert got[xs] == pytest.approx(want[xs], abs=1e-12), xs
    # the draft really differs from the target (else the test would be trivial)
    first = next_probs(target, seq) - next_probs(draft, seq)
    assert float(first.abs().max()) > 0.1


@pytest.mark.slow
def test_the_real_loop_samples_that_distribution(tiny_pair):
    from scipy.stats import chi2

    target, draft = tiny_pair
    seq, n, runs = [0, 2], 2, 1500
    want = target_distribution(target, seq, n)
    g = torch.Generator().manual_seed(7)
    counts = dict.fromkeys(want, 0)
    for _ in range(runs):
        out, _ = speculative_generate(target, draft, torch.tensor([seq]), n, gamma=GAMMA,
                                      temperature=1.0, generator=g)  # fmt: skip
        counts[tuple(out[0, 2:].tolist())] += 1
    stat = sum((counts[k] - runs * p) ** 2 / (runs * p) for k, p in want.items())
    assert stat < chi2.ppf(0.999, df=len(want) - 1)


def test_residual_and_acceptance_by_hand():
    p = torch.tensor([0.5, 0.3, 0.2], dtype=torch.float64)
    q = torch.tensor([0.2, 0.6, 0.2], dtype=torch.float64)
    # accepted mass min(p, q) = (0.2, 0.3, 0.2); the rest, 0.3, all on token 0
    torch.testing.assert_close(residual_distribution(p, q), torch.tensor([1.0, 0, 0]).double())
    assert float(acceptance_probability(p[1], q[1])) == pytest.approx(0.5)
    assert float(acceptance_probability(p[0], q[0])) == 1.0
    torch.testing.assert_close(residual_distribution(p, p), p)


def test_bad_input():
    target, draft = llama(0), llama(1, n_layer=1, n_embd=16)
    with pytest.raises(ValueError, match=r"one prompt of shape \(1, T\)"):
        speculative_generate(target, draft, prompt().repeat(2, 1), 5)
    with pytest.raises(ValueError, match="gamma"):
        speculative_generate(target, draft, prompt(), 5, gamma=0)
    with pytest.raises(ValueError, match="exceeds the target's context of 64"):
        speculative_generate(target, draft, prompt(), 60, gamma=4)
    with pytest.raises(ValueError, match="temperature must be ≥ 0"):
        speculative_generate(target, draft, prompt(), 5, temperature=-1.0)
    other = llama(2, vocab=51)
    with pytest.raises(ValueError, match="draft's vocabulary"):
        speculative_generate(target, other, prompt(), 5)
