"""Parity: our BERT against Hugging Face BertModel / BertForMaskedLM (copied weights), and
our BERT with the real all-MiniLM-L6-v2 weights against sentence-transformers."""

from __future__ import annotations

import copy

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.transformer.bert import (  # noqa: E402
    BertConfig,
    BertEncoder,
    BertForMaskedLM,
    cls_pool,
    mean_pool,
)
from ladder.transformer.hf_bert import (  # noqa: E402
    config_from_hf,
    load_bert_mlm_weights,
    load_bert_weights,
)
from ladder.transformer.weights import WeightMismatchError  # noqa: E402
from tests.tolerance import eps, linear_terms_scale, network_atol, noise_atol  # noqa: E402

# float32 on both sides; the same operations in a different kernel order differ in rounding
# only: bert_atol derives the bound per case (tests/tolerance.py, network_atol).


def bert_atol(hf, *args, call=None, extra_width=0, **kwargs) -> float:
    """Bound for the outputs of a BERT ``hf`` (Hugging Face's, or ours) on these inputs:
    per layer 6 sum-forming stages (q/k/v projection, scores, weighted sum of values,
    output projection, the feed-forward's two matmuls) plus 2 for a head, each summing at
    most max(d_ff, hidden, ``extra_width``) terms; ``scale``: the largest Σ|terms| measured
    in its matmuls."""
    c = hf.config
    layers = getattr(c, "num_hidden_layers", None) or c.n_layer
    d_ff = getattr(c, "intermediate_size", None) or c.d_ff
    hidden = getattr(c, "hidden_size", None) or c.n_embd
    scale = linear_terms_scale(hf, *args, call=call, **kwargs)
    width = max(d_ff, hidden, extra_width)
    return network_atol(np.float32, depth=6 * layers + 2, width=width, scale=scale)


def _hf_config():
    return transformers.BertConfig(
        vocab_size=120,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=64,
        max_position_embeddings=40,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )


def _randomise(model):
    # BERT initialises LayerNorm to (1, 0) and biases to 0: randomise them so the map is
    # tested on every tensor
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() == 1:
                p.add_(0.1 * torch.randn_like(p))
    return model


def _batch(seed=0):
    g = torch.Generator().manual_seed(seed)
    idx = torch.randint(1, 120, (3, 11), generator=g)
    types = torch.zeros_like(idx)
    types[:, 6:] = 1  # sentence B
    mask = torch.ones_like(idx)
    mask[1, 8:] = 0
    mask[2, 4:] = 0
    idx[mask == 0] = 0  # [PAD]
    return idx, types, mask


def test_encoder_matches_hf_bert_model():
    torch.manual_seed(0)
    hf = _randomise(transformers.BertModel(_hf_config())).eval()
    ours = load_bert_weights(BertEncoder(config_from_hf(hf.config.to_dict())), hf.state_dict())
    idx, types, mask = _batch()
    with torch.no_grad():
        ref = hf(input_ids=idx, token_type_ids=types, attention_mask=mask).last_hidden_state
        out = ours.eval()(idx, types, mask)
    real = mask.bool()
    atol = bert_atol(hf, input_ids=idx, token_type_ids=types, attention_mask=mask)
    # padded positions are never read by real ones (and never pooled), so compare real ones
    torch.testing.assert_close(out[real], ref[real], atol=atol, rtol=0)
    torch.testing.assert_close(mean_pool(out, mask), mean_pool(ref, mask), atol=atol, rtol=0)
    torch.testing.assert_close(cls_pool(out), ref[:, 0], atol=atol, rtol=0)


def test_mlm_head_matches_hf():
    torch.manual_seed(1)
    hf = _randomise(transformers.BertForMaskedLM(_hf_config())).eval()
    ours = BertForMaskedLM(config_from_hf(hf.config.to_dict())).eval()
    load_bert_mlm_weights(ours, hf.state_dict())
    idx, types, mask = _batch(1)
    labels = torch.full_like(idx, -100)
    labels[0, 2], labels[1, 5] = 7, 9
    with torch.no_grad():
        ref = hf(input_ids=idx, token_type_ids=types, attention_mask=mask, labels=labels)
        logits, loss = ours(idx, labels, types, mask)
    real = mask.bool()
    atol = bert_atol(hf, input_ids=idx, token_type_ids=types, attention_mask=mask, extra_width=120)
    torch.testing.assert_close(logits[real], ref.logits[real], atol=atol, rtol=0)
    # the loss: a mean of log-sum-exps of the logits, each moved at most atol by them
    torch.testing.assert_close(loss, ref.loss, atol=2 * atol, rtol=0)


def test_wrong_bert_weights_listed():
    torch.manual_seed(0)
    state = dict(transformers.BertModel(_hf_config()).state_dict())
    state.pop("encoder.layer.1.output.dense.bias")
    state["encoder.layer.0.attention.self.key.weight"] = torch.zeros(32, 16)
    state["classifier.weight"] = torch.zeros(2, 32)
    ours = BertEncoder(
        BertConfig(vocab_size=120, n_positions=40, n_layer=2, n_head=4, n_embd=32, d_ff=64)
    )
    with pytest.raises(WeightMismatchError) as err:
        load_bert_weights(ours, state)
    msg = str(err.value)
    assert "layers.1.ff.linear2.bias (← encoder.layer.1.output.dense.bias)" in msg
    assert "extra (1): classifier.weight" in msg
    assert "mis-shaped: layers.0.self_attn.k_proj.weight is [32, 32] in the model" in msg


def test_padding_does_not_change_a_sentence():
    torch.manual_seed(0)
    model = BertEncoder(
        BertConfig(
            vocab_size=50, n_positions=16, n_layer=1, n_head=2, n_embd=8, d_ff=16, dropout=0.0
        )
    ).eval()
    a = torch.tensor([[2, 5, 7, 3]])
    b = torch.tensor([[2, 5, 7, 3, 0, 0]])
    h_a = model(a)
    h_b = model(b, attention_mask=torch.tensor([[1, 1, 1, 1, 0, 0]]))
    # the same sums, but over 4 or 6 keys (two weights exactly 0): rounding only
    torch.testing.assert_close(h_a, h_b[:, :4], atol=bert_atol(model, b), rtol=0)


# ---- the real all-MiniLM-L6-v2 weights ------------------------------------------------------

st = pytest.importorskip("sentence_transformers")


def _sst2_sentences(n):
    from ladder.data.sst2 import load_sst2

    sentences, _ = load_sst2("dev")
    return sentences[:n]


@pytest.fixture(scope="module")
def minilm_pair():
    from ladder.transformer.minilm import SentenceEncoder, minilm_dir

    ours = SentenceEncoder.minilm()
    ref = st.SentenceTransformer(str(minilm_dir()), device="cpu")
    return ours, ref


def check_minilm(pair, sentences):
    """The same real sentences through our BERT and sentence-transformers."""
    from ladder.transformer.minilm import SentenceEncoder

    ours, ref = pair
    a = ours.encode(sentences, batch_size=64)
    b = torch.from_numpy(ref.encode(sentences, batch_size=64))
    # float32, 6 real layers: the bound is this case's own float32 rounding noise (our BERT
    # run again in float64 on the same sentences; tests/tolerance.py, noise_atol). A wrong
    # map or mask gives errors ≫ 1e-3.
    exact = SentenceEncoder(copy.deepcopy(ours.model).double(), ours.tokenizer)
    a64 = exact.encode(sentences, batch_size=64)
    assert a64.dtype == torch.float64
    torch.testing.assert_close(a, b, atol=noise_atol(a, a64), rtol=0)
    # unit length: a sum of 384 squares, 384·eps relative, then a square root
    ones = torch.ones(len(sentences))
    torch.testing.assert_close(a.norm(dim=1), ones, atol=(384 + 2) * eps(np.float32), rtol=0)


def test_minilm_embeddings_equal_sentence_transformers(minilm_pair):
    check_minilm(minilm_pair, _sst2_sentences(200))


@pytest.mark.slow
def test_minilm_all_sst2_dev(minilm_pair):
    check_minilm(minilm_pair, _sst2_sentences(872))


def test_minilm_tokenizer_matches_hf(minilm_pair):
    from ladder.transformer.minilm import minilm_dir

    ours, _ = minilm_pair
    tok = transformers.AutoTokenizer.from_pretrained(str(minilm_dir()))
    sentences = _sst2_sentences(20) + ["Héllo, WORLD!! 42", "x " * 400]
    batch = ours.tokenize(sentences)
    ref = tok(sentences, padding=True, truncation=True, max_length=256, return_tensors="pt")
    for key in ("input_ids", "token_type_ids", "attention_mask"):
        assert torch.equal(batch[key], ref[key]), key


def test_minilm_similarity_makes_sense(minilm_pair):
    ours, _ = minilm_pair
    e = ours.encode(
        ["a man is playing a guitar", "someone plays an instrument", "the stock market fell today"]
    )
    assert float(e[0] @ e[1]) > float(e[0] @ e[2]) + 0.2
