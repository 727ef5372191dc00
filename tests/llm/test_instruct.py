"""Instruction tuning pieces: the chat template (against Hugging Face's
``apply_chat_template`` with the same Jinja template), prompt masking, the generated
instruction set, and the domain model's perplexity (against Hugging Face GPT-2's loss)."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from ladder.llm.domain import perplexity, stdlib_split, text_split  # noqa: E402
from ladder.llm.instruct import (  # noqa: E402
    FACTS,
    KINDS,
    CharTokenizer,
    ChatTemplate,
    Instruction,
    collate_sft,
    encode_for_sft,
    exact_match,
    fact_sentences,
    make_instructions,
    mask_prompt,
)

JINJA = (
    "{% for m in messages %}{{ '<|' + m['role'] + '|>' + m['content'] + '<|end|>' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|assistant|>' }}{% endif %}"
)


@pytest.fixture(autouse=True)
def _one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_chat_template_equals_hugging_face_apply_chat_template():
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, models

    hf = transformers.PreTrainedTokenizerFast(
        tokenizer_object=Tokenizer(models.WordLevel({"<unk>": 0}, unk_token="<unk>"))
    )
    hf.chat_template = JINJA
    conv = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What is 2 + 3?"},
        {"role": "assistant", "content": "5"},
        {"role": "user", "content": "And 4 + 4?"},
    ]
    for gen in (False, True):
        want = hf.apply_chat_template(conv, tokenize=False, add_generation_prompt=gen)
        assert ChatTemplate().render(conv, add_generation_prompt=gen) == want


def test_tokenizer_round_trip_and_special_tokens():
    tok = CharTokenizer()
    text = "<|user|>Reverse the word <b>.<|end|><|assistant|>"
    ids = tok.encode(text)
    assert tok.decode(ids) == text
    assert ids[0] == tok.stoi["<|user|>"] and len(ids) == 1 + len("Reverse the word <b>.") + 2
    with pytest.raises(ValueError, match="not in the vocabulary"):
        tok.encode("café")
    assert tok.decode(tok.encode("café", errors="replace")) == "caf?"


def test_mask_prompt_by_hand():
    # ids: 3 prompt tokens then 2 answer tokens; targets are the next tokens, the prompt's
    # (positions whose next token is still in the prompt) ignored
    assert mask_prompt([10, 11, 12, 20, 21], n_prompt=3) == [-100, -100, 20, 21]
    assert mask_prompt([10, 11], n_prompt=0) == [11]
    with pytest.raises(ValueError, match="n_prompt"):
        mask_prompt([1, 2], n_prompt=3)


def test_masked_loss_is_the_mean_over_answer_tokens():
    from ladder.transformer.gpt import GPT, GPTConfig

    tok, tpl = CharTokenizer(), ChatTemplate()
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=tok.vocab_size, block_size=64, n_layer=1, n_head=2, n_embd=16))
    items = [Instruction("add", "What is 2 + 3?", "5"), Instruction("upper", "Up: ab", "AB")]
    x, y = collate_sft([encode_for_sft(tok, tpl, i) for i in items], tok.pad_id)
    logits, loss = model(x, y)
    logp = torch.log_softmax(logits, -1)
    terms = []
    for ins, row in zip(items, range(2), strict=True):
        n_prompt = len(tok.encode(tpl.prompt(ins.prompt)))
        answer = tok.encode(ins.answer + tpl.end)
        for k, token in enumerate(answer):  # token at position n_prompt + k, predicted one before
            terms.append(-logp[row, n_prompt + k - 1, token])
    assert len(terms) == 2 + 3  # "5<|end|>" and "AB<|end|>"
    torch.testing.assert_close(loss, torch.stack(terms).mean(), atol=1e-6, rtol=0)


def test_instruction_set_is_exact_distinct_and_split():
    train = make_instructions(20, seed=1, countries=sorted(FACTS)[::2])
    test = make_instructions(5, seed=2, exclude=train, countries=sorted(FACTS)[1::2])
    assert {i.kind for i in train} == set(KINDS)
    assert not {i.prompt for i in train} & {i.prompt for i in test}
    for ins in train + test:  # every answer recomputed independently of the generator
        p = ins.prompt
        if ins.kind in ("add", "subtract"):
            a, op, b = p.removeprefix("What is ").rstrip("?").split()
            assert int(ins.answer) == (int(a) + int(b) if op == "+" else int(a) - int(b))
        elif ins.kind == "reverse":
            assert ins.answer == p.split()[-1].rstrip(".")[::-1]
        elif ins.kind == "binary":
            assert int(ins.answer, 2) == int(p.split()[1])
        elif ins.kind == "capital":
            country = p.split()[-1].rstrip("?")
            assert FACTS[country] == ins.answer
            assert (country in sorted(FACTS)[::2]) == (ins in train)
    assert "The capital of Peru is Lima." in fact_sentences()


class _Scripted(torch.nn.Module):
    """Writes a fixed answer then the end marker, through the interface generate_answer uses."""

    def __init__(self, tok, answer):
        super().__init__()
        self.script = tok.encode(answer + "<|end|>")
        self.vocab = tok.vocab_size
        self.config = type("C", (), {"block_size": 64})()

    def new_cache(self, batch_size):
        return type("Cache", (), {"length": 0, "calls": 0})()

    def forward(self, idx, cache=None):
        logits = torch.zeros(1, idx.size(1), self.vocab)
        logits[0, -1, self.script[min(cache.calls, len(self.script) - 1)]] = 1.0
        cache.length += idx.size(1)
        cache.calls += 1
        return logits, None


def test_exact_match_counts_per_kind():
    tok, tpl = CharTokenizer(), ChatTemplate()
    items = [
        Instruction("add", "What is 2 + 3?", "5"),
        Instruction("add", "What is 1 + 1?", "2"),
        Instruction("upper", "Write ab in capital letters.", "AB"),
    ]
    got = exact_match(_Scripted(tok, "5"), tok, tpl, items)
    assert got == {"add": 0.5, "upper": 0.0, "all": 1 / 3}


def test_chat_template_missing_role():
    with pytest.raises(ValueError, match="no marker for the role 'assistant'"):
        ChatTemplate(markers={"user": "<|user|>"})
    with pytest.raises(ValueError, match="role 'tool'"):
        ChatTemplate().render([{"role": "tool", "content": "x"}])
    with pytest.raises(ValueError, match="needs a 'role' and a 'content'"):
        ChatTemplate().render([{"content": "x"}])


# ---- the domain model ---------------------------------------------------------------------


def test_perplexity_equals_exp_of_hugging_face_loss():
    transformers = pytest.importorskip("transformers")
    from ladder.transformer.hf_gpt2 import from_hf_gpt2

    torch.manual_seed(0)
    hf = transformers.GPT2LMHeadModel(
        transformers.GPT2Config(vocab_size=30, n_positions=16, n_embd=16, n_layer=1, n_head=2)
    ).eval()
    ours = from_hf_gpt2(hf).eval()
    ids = torch.randint(0, 30, (16 * 3 + 1,), generator=torch.Generator().manual_seed(1))
    windows = torch.stack([ids[i * 16 : i * 16 + 17] for i in range(3)])  # (3, 17)
    with torch.no_grad():
        hf_loss = hf(input_ids=windows[:, :-1], labels=windows[:, :-1]).loss  # HF shifts
        last = torch.nn.functional.cross_entropy(
            hf(input_ids=windows[:, :-1]).logits[:, -1], windows[:, -1], reduction="sum"
        )
    # HF scores 15 targets per window (its labels are the inputs, shifted); ours 16: add the
    # 16th target of each window to HF's sum
    want = math.exp((hf_loss.item() * 3 * 15 + last.item()) / (3 * 16))
    assert math.isclose(perplexity(ours, ids), want, rel_tol=1e-5)


def test_stdlib_split_holds_out_whole_modules():
    train, test, names = stdlib_split(held_out=0.1)
    assert names and len(test) > 50_000 and len(train) > 3 * len(test)
    assert "import" in test and "def " in test
    again = stdlib_split(held_out=0.1)[2]
    assert again == names  # the split depends only on module names
    a, b = text_split("line one\nline two\nline three\n", held_out=0.3)
    assert a + b == "line one\nline two\nline three\n" and b.startswith("\n")
    with pytest.raises(ValueError, match="held_out"):
        stdlib_split(held_out=1.5)
