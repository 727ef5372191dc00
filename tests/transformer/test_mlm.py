"""MLM masking: 15 % chosen, 80/10/10, specials untouched — the same rates as Hugging Face's
DataCollatorForLanguageModeling on the same batch (randomness differs, so rates are compared)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.transformer.mlm import IGNORE_INDEX, mask_tokens  # noqa: E402

VOCAB, MASK, CLS, SEP, PAD = 1000, 3, 1, 2, 0


def _batch():
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(10, VOCAB, (200, 128), generator=g)
    ids[:, 0], ids[:, -1] = CLS, SEP
    ids[::2, 100:-1] = PAD
    return ids


def rates(inputs, corrupted, labels):
    """Fraction chosen among ordinary tokens, and how the chosen were corrupted."""
    ordinary = (inputs != CLS) & (inputs != SEP) & (inputs != PAD)
    chosen = labels != IGNORE_INDEX
    assert not (chosen & ~ordinary).any()  # specials never chosen
    assert torch.equal(labels[chosen], inputs[chosen])
    assert torch.equal(corrupted[~chosen], inputs[~chosen])  # only chosen tokens change
    n = chosen.sum()
    masked = (corrupted == MASK) & chosen
    kept = (corrupted == inputs) & chosen
    return torch.tensor(
        [
            float(n / ordinary.sum()),
            float(masked.sum() / n),
            float(kept.sum() / n),
            float((n - masked.sum() - kept.sum()) / n),
        ]
    )


class _Tok(transformers.PreTrainedTokenizerBase):
    """Just enough of a tokenizer for the collator: ids of [MASK] and the special tokens."""

    def __init__(self):
        super().__init__(mask_token="[MASK]", pad_token="[PAD]")

    def __len__(self):
        return VOCAB

    @property
    def mask_token_id(self):
        return MASK

    @property
    def pad_token_id(self):
        return PAD

    def get_special_tokens_mask(self, ids, already_has_special_tokens=False):
        return [int(i in (CLS, SEP, PAD)) for i in ids]

    def convert_tokens_to_ids(self, tokens):
        return MASK


def test_rates_match_hf_collator():
    ids = _batch()
    corrupted, labels = mask_tokens(
        ids, MASK, VOCAB, special_ids=(CLS, SEP, PAD), generator=torch.Generator().manual_seed(1)
    )
    ours = rates(ids, corrupted, labels)
    torch.manual_seed(1)
    # torch_mask_tokens is the collator's masking step; if a transformers release renames
    # it, this test must fail (and be updated), not skip.
    collator = transformers.DataCollatorForLanguageModeling(_Tok(), mlm_probability=0.15)
    ref_x, ref_y = collator.torch_mask_tokens(ids.clone())
    ref = rates(ids, ref_x, ref_y)
    expected = torch.tensor([0.15, 0.8, 0.1, 0.1])
    # ~17,500 ordinary tokens, ~2,600 chosen: binomial standard errors ≤ 0.008 for every
    # rate; 0.03 is ~4 standard errors for each library, ~3 for their difference
    torch.testing.assert_close(ours, expected, atol=0.03, rtol=0)
    torch.testing.assert_close(ref, expected, atol=0.03, rtol=0)
    torch.testing.assert_close(ours, ref, atol=0.04, rtol=0)


def test_input_unchanged_and_bad_probability():
    ids = _batch()
    before = ids.clone()
    mask_tokens(ids, MASK, VOCAB)
    assert torch.equal(ids, before)
    with pytest.raises(ValueError, match="mlm_probability must lie in"):
        mask_tokens(ids, MASK, VOCAB, mlm_probability=1.5)
