"""Every number the stage-6 lessons of part A state (what changed since GPT-2, tokenizers,
efficient training and inference), recomputed by our code and, where one exists, by the
reference library (Hugging Face on the meta device, sentencepiece, torch).

Each test parses the number from the lesson text, so editing a lesson without updating
the computation (or the other way round) fails here. Tolerances are half a unit of the
last digit printed in the lesson; counts must match exactly.
"""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from ladder.curriculum import load_curriculum  # noqa: E402
from tests.curriculum.numbers import LESSONS, NUM, check, stated_text  # noqa: E402


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


# --- what changed since GPT-2 -------------------------------------------------------------

L1 = "llm.since-gpt2"


def test_rmsnorm_example():
    from ladder.llm.rmsnorm import rms_norm

    out = rms_norm(torch.tensor([3.0, 4.0], dtype=torch.float64), torch.ones(2), eps=0.0)
    check(L1, r"square is \$\\sqrt\{12.5\} = " + NUM, math.sqrt(12.5))
    check(L1, r"output is \$\(" + NUM, float(out[0]))
    check(L1, r"output is \$\(0.8485, " + NUM, float(out[1]))


def test_rope_speeds():
    from ladder.llm.rope import rope_frequencies

    theta = rope_frequencies(128).double()
    check(L1, r"first pair turns " + NUM + " radian", float(theta[0]))
    check(L1, r"full turn every " + NUM + " positions\\)", 2 * math.pi / float(theta[0]))
    check(L1, r"last pair " + NUM + " radians", float(theta[-1]))
    check(L1, r"radians \(a full turn every " + NUM, 2 * math.pi / float(theta[-1]))


def test_swiglu_width_and_weights():
    from ladder.llm.swiglu import llama_hidden_size

    d = 4096
    h = llama_hidden_size(d)
    check(L1, r"\$d = 4096\$ gives " + NUM, h)
    check(L1, r"gives 11,008: " + NUM + " weights per block", 3 * d * h)
    check(L1, r"per block against " + NUM, 8 * d * d)


def test_gqa_cache_bytes():
    from ladder.llm.llama import Llama, LlamaConfig

    with torch.device("meta"):
        m = Llama(LlamaConfig(vocab_size=32000, block_size=4096, n_layer=80, n_head=64,
                              n_kv_head=8, n_embd=8192, hidden=28672))  # fmt: skip
        cache = m.new_cache(1)
    per_token = sum(t[0, :, 0].numel() for t in cache.keys + cache.values) * 2  # 16-bit
    check(L1, r"per token: " + NUM + " bytes in 16-bit", per_token)
    check(L1, r"against " + NUM + r" bytes with 64 K/V heads", per_token * 64 // 8)
    check(L1, r"64 K/V heads, " + NUM + " times less", 64 // 8)


LLAMA_7B = dict(vocab_size=32000, block_size=4096, n_layer=32, n_head=32, n_kv_head=32,
                n_embd=4096, hidden=11008)  # fmt: skip
LLAMA_70B = dict(vocab_size=32000, block_size=4096, n_layer=80, n_head=64, n_kv_head=8,
                 n_embd=8192, hidden=28672)  # fmt: skip


def test_llama_parameter_counts_equal_hugging_face():
    transformers = pytest.importorskip("transformers")
    from ladder.llm.llama import Llama, LlamaConfig

    for cfg, pattern in [(LLAMA_7B, r"7B's configuration counts " + NUM),
                         (LLAMA_70B, r"the 70B one " + NUM)]:  # fmt: skip
        with torch.device("meta"):
            ours = n_params(Llama(LlamaConfig(**cfg)))
            hf = transformers.LlamaForCausalLM(transformers.LlamaConfig(
                vocab_size=cfg["vocab_size"], hidden_size=cfg["n_embd"],
                intermediate_size=cfg["hidden"], num_hidden_layers=cfg["n_layer"],
                num_attention_heads=cfg["n_head"], num_key_value_heads=cfg["n_kv_head"],
            )).num_parameters()  # fmt: skip
        assert ours == hf
        check(L1, pattern, ours)


def test_mixtral_total_and_active():
    from ladder.llm.mixtral import Mixtral, MixtralConfig

    with torch.device("meta"):
        m = Mixtral(MixtralConfig(vocab_size=32000, block_size=4096, n_layer=32, n_head=32,
                                  n_kv_head=8, n_embd=4096, hidden=14336, n_expert=8,
                                  top_k=2))  # fmt: skip
    total = n_params(m)
    expert = n_params(m.layers[0].mlp.experts[0])
    active = total - 32 * (8 - 2) * expert
    check(L1, r"experts 14,336 wide\) has " + NUM, total)
    check(L1, r"parameters of which " + NUM, active)


def test_load_balancing_extremes():
    from ladder.llm.moe import load_balancing_loss

    pairs = torch.tensor([[0, 1], [2, 3], [1, 2], [3, 0]])
    even = torch.full((4, 4), -50.0).scatter(1, pairs, 50.0)
    assert float(load_balancing_loss(even, 2)) == pytest.approx(2.0, abs=1e-5)  # = k
    collapsed = torch.tensor([[50.0, 0, 0, 0, 0]]).repeat(6, 1)
    assert float(load_balancing_loss(collapsed, 1)) == pytest.approx(5.0, abs=1e-5)  # = E
    assert "Perfectly even routing gives $L_{aux} = k$" in LESSONS[L1]
    check(L1, r"weight \(" + NUM + " in Hugging Face's Mixtral\\)", 0.001)
    transformers = pytest.importorskip("transformers")
    assert transformers.MixtralConfig().router_aux_loss_coef == 0.001


def test_equal_size_configuration():
    from ladder.llm.char_lm import count_params, llama_like_gpt
    from ladder.llm.llama import Llama
    from ladder.transformer.gpt import GPT
    from ladder.transformer.shakespeare import model_config

    gpt = model_config(65)
    llama = llama_like_gpt(gpt, n_kv_head=2)
    with torch.device("meta"):
        n_llama, n_gpt = count_params(Llama(llama)), count_params(GPT(gpt))
    check(L1, r"SwiGLU " + NUM + " wide", llama.hidden)
    check(L1, r"wide: " + NUM + " parameters against", n_llama)
    check(L1, r"against the GPT's " + NUM, n_gpt)


def _full_lab(lab_id: str, tmp_path) -> dict:
    import json

    from ladder.study.labs import run_lab

    result = run_lab(load_curriculum().labs[lab_id], tmp_path)
    assert result.status == "done", result.error
    return json.loads((result.out_dir / "metrics.json").read_text())["metrics"]


@pytest.mark.slow
def test_llama_vs_gpt_lab_losses(tmp_path):
    """The two validation losses the lesson quotes are what the full lab measures."""
    m = _full_lab("llm.llama-vs-gpt", tmp_path)
    # float32 on CPU; thread count and kernels can move the last digit, not more
    assert abs(m["llama_val_loss"] - float(stated_text(L1, r"validation loss of (\d\.\d+)"))) < 0.01
    assert abs(m["gpt_val_loss"] - float(stated_text(L1, r"against (\d\.\d+) for the GPT"))) < 0.01


# --- tokenizers -----------------------------------------------------------------------------

L2 = "llm.tokenizers"


def test_unigram_worked_example():
    from ladder.llm.unigram import viterbi

    v = {"▁a": (0, -1.0), "b": (1, -2.0), "▁ab": (2, -2.5), "▁": (3, -3.0), "a": (4, -2.0)}
    assert viterbi("▁ab", v, 3, -13.0) == [(2, 0, 3)]
    # the lesson writes minus signs as "−" (U+2212)
    check(L2, r'"▁ab" is one piece \(−' + NUM, 2.5)
    check(L2, r'beats "▁a b" at −' + NUM, 1.0 + 2.0)
    check(L2, r'and "▁ a b" at −' + NUM, 3.0 + 2.0 + 2.0)


def test_seed_count():
    from ladder.data.text import tiny_shakespeare
    from ladder.llm.unigram import normalize
    from ladder.llm.unigram_train import seed_pieces

    lines = tiny_shakespeare().splitlines()[:3000]
    sentences = [s for s in (normalize(t) for t in lines) if s]
    check(L2, r"first " + NUM + " lines of Tiny Shakespeare", 3000)
    check(L2, r"\(" + NUM + " of them non-empty\\)", len(sentences))
    check(L2, r"that is " + NUM + " seed pieces", len(seed_pieces(sentences)))
    check(L2, r"keep the " + NUM + " % that cost most", 100 * 0.75)
    check(L2, r"used less than " + NUM + " times", 0.5)


def test_agreement_with_sentencepiece(tmp_path):
    spm = pytest.importorskip("sentencepiece")
    from ladder.data.text import tiny_shakespeare
    from ladder.llm.unigram import UnigramTokenizer
    from ladder.llm.unigram_train import train_unigram
    from tests.llm.test_unigram import agreement, spm_train

    lines = tiny_shakespeare().splitlines()
    assert spm is not None
    ref = UnigramTokenizer.from_sentencepiece(spm_train(tmp_path, lines[:2000], 500))
    ours = train_unigram(lines[:2000], 500)
    a, b = {p.text for p in ref.pieces}, {p.text for p in ours.pieces}
    check(L2, r"the same 2,000 lines with the same settings \(" + NUM + " pieces\\)", 500)
    check(L2, r"share " + NUM + " % of their pieces", 100 * len(a & b) / len(a))
    piece_share, _ = agreement(ref, ours, lines[30000:32000])
    check(L2, r"pieces, and " + NUM + " % of the pieces of held-out", 100 * piece_share)


def test_byte_fallback_count():
    assert "☃".encode() == b"\xe2\x98\x83"
    check(L2, r"<0x83>`, " + NUM + " tokens", len("☃".encode()))
    check(L2, r"holds the " + NUM + " byte pieces", 256)


# --- efficient training and inference -------------------------------------------------------

L3 = "llm.efficient"


def test_model_memory():
    n = 7e9
    check(L3, r"takes " + NUM + " GB in float32", n * 4 / 1e9)
    check(L3, r"float32, " + NUM + " GB in bfloat16", n * 2 / 1e9)
    check(L3, r"bfloat16 and " + NUM + " GB in int8", n * 1 / 1e9)


def test_bfloat16_precision():
    eps = torch.finfo(torch.bfloat16).eps  # 2⁻⁷ between 1 and the next; half of it rounds
    check(L3, r"relative precision of \$2\^\{-8\} = " + NUM, 100 * eps / 2)
    assert torch.finfo(torch.bfloat16).max > 3e38  # float32's range


def test_checkpointing_memory():
    from ladder.llm.efficient import enable_checkpointing, saved_activation_bytes
    from tests.llm.test_efficient import batch, model

    m = model()
    x, y = batch()
    _, plain = saved_activation_bytes(m, lambda: m(x, y)[1])
    enable_checkpointing(m)
    _, ckpt = saved_activation_bytes(m, lambda: m(x, y)[1])
    check(L3, r"32\) " + NUM + " KiB without checkpointing", plain / 1024)
    check(L3, r"checkpointing, " + NUM + " KiB with it", ckpt / 1024)


def test_quantisation_examples():
    from ladder.llm.quantize import absmax_quantize, affine_params

    q, s = absmax_quantize(torch.tensor([0.5, -1.27, 0.01]))
    check(L3, r"\$s = " + NUM + r"\$ and \$q", float(s))
    assert q.tolist() == [50, -127, 1]
    assert "$q = (50, -127, 1)$" in LESSONS[L3]
    scale, zp = affine_params(-1.0, 3.0, 0, 255)
    check(L3, r"gives \$s = " + NUM, scale)
    check(L3, r"\$z = " + NUM + r"\$\. \*\*Weight", zp)


def test_kv_cache_7b():
    from ladder.llm.llama import Llama, LlamaConfig

    with torch.device("meta"):
        cache = Llama(LlamaConfig(**LLAMA_7B)).new_cache(1)
    per_token = sum(t[0, :, 0].numel() for t in cache.keys + cache.values) * 2
    check(L3, r"heads of 128\) " + NUM + " bytes in 16-bit", per_token)
    check(L3, r"16-bit, " + NUM + " GiB for 4,096 tokens", per_token * 4096 / 2**30)


def test_speculative_numbers():
    from ladder.llm.speculative import expected_tokens_per_round, residual_distribution

    p = torch.tensor([0.5, 0.3, 0.2], dtype=torch.float64)
    q = torch.tensor([0.2, 0.6, 0.2], dtype=torch.float64)
    check(L3, r"\(0.2, 0.6, 0.2\)\$, " + NUM + " of the mass", float(torch.minimum(p, q).sum()))
    assert residual_distribution(p, q).tolist() == [1.0, 0.0, 0.0]
    check(L3, r"target pass: " + NUM + r" for \$\\alpha = 0.8\$", expected_tokens_per_round(0.8, 4))


@pytest.mark.slow
def test_quantisation_speculative_lab(tmp_path):
    """The lab's size ratio and loss change, and the draft's acceptance, as the lesson says."""
    m = _full_lab("llm.quantisation-speculative", tmp_path)
    check(L3, r"makes the file " + NUM + " times smaller", m["size_ratio_dynamic"])
    bound = float(stated_text(L3, r"loss by less than (\d\.\d+) nats"))
    for key in ("weight_only", "dynamic", "static", "torch_dynamic"):
        assert abs(m[f"{key}_val_loss"] - m["float32_val_loss"]) < bound, key
    assert "about a third of its guesses" in " ".join(LESSONS[L3].split())
    assert 0.25 < m["acceptance_gamma4"] < 0.42 and 0.25 < m["acceptance_sampled"] < 0.42


def test_ddp_batch_arithmetic():
    check(L3, r"two ranks with batch " + NUM, 8)
    check(L3, r"one process with batch " + NUM, 16)
    from ladder.llm.distributed import DDPConfig

    assert DDPConfig().batch_size == 8  # what the lab and the tests run, on 2 ranks
