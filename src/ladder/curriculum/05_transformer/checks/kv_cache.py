"""Checks for the KV-cache exercise: append, return what is filled, do not advance.

Buffers are (B=2, n_head=3, max_len, head_dim=5) and appends are 4 then 1 positions
long: no two sizes alike, so writing along the wrong dimension cannot pass."""

import torch

from ladder.curriculum.expect import expect_close, expect_raises, expect_shape, expect_true

B, H, D = 2, 3, 5


def _kv(t, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(B, H, t, D, generator=g), torch.randn(B, H, t, D, generator=g)


def _cache(cls, n_layer=2, max_len=8):
    return cls(n_layer=n_layer, batch_size=B, n_head=H, max_len=max_len, head_dim=D)


def check_first_append(submitted, reference):
    """appending 4 positions to an empty cache returns exactly them"""
    cache = _cache(submitted)
    k, v = _kv(4, 0)
    got_k, got_v = cache.append(0, k, v)
    inputs = "empty cache (2 layers, max_len 8); k, v: (2, 3, 4, 5)"
    expect_shape(got_k, (B, H, 4, D), inputs=inputs, what="the returned keys")
    expect_close(got_k, k, inputs=inputs, what="the returned keys")
    expect_close(got_v, v, inputs=inputs, what="the returned values")
    expect_true(
        cache.length == 0,
        f"append changed length to {cache.length}",
        inputs=inputs,
        misconception="leave length alone: the model calls advance() once every layer has appended",
    )


def check_second_append(submitted, reference):
    """after advance(4), appending 1 more returns all 5 positions in order"""
    sub, ref = _cache(submitted, 1), _cache(reference, 1)
    (k1, v1), (k2, v2) = _kv(4, 1), _kv(1, 2)
    ref.append(0, k1, v1)
    ref.advance(4)
    want_k, want_v = ref.append(0, k2, v2)
    sub.append(0, k1, v1)
    sub.advance(4)
    got_k, got_v = sub.append(0, k2, v2)
    inputs = "4 positions appended and advanced, then 1 more"
    at_start = torch.cat([k2, k1[:, :, 1:], torch.zeros(B, H, 1, D)], dim=2)
    expect_close(
        got_k,
        want_k,
        inputs=inputs,
        what="the returned keys",
        mistakes=[
            (k2, "return every filled position (0 … length + T_new − 1), not only the new ones"),
            (at_start, "write the new positions after the self.length filled ones, not at 0"),
        ],
    )
    expect_close(got_v, want_v, inputs=inputs, what="the returned values")


def check_layers_independent(submitted, reference):
    """each layer has its own buffers: layer 1's append leaves layer 0's keys alone"""
    cache = _cache(submitted)
    (k0, v0), (k1, v1), (k2, v2) = _kv(2, 3), _kv(2, 4), _kv(1, 5)
    cache.append(0, k0, v0)
    cache.append(1, k1, v1)
    cache.advance(2)
    got_k, got_v = cache.append(0, k2, v2)
    inputs = "layer 0 then layer 1 (2 positions each), advance(2), then layer 0 again (1)"
    expect_close(
        got_k,
        torch.cat([k0, k2], dim=2),
        inputs=inputs,
        what="layer 0's keys",
        mistakes=[
            (torch.cat([k1, k2], dim=2), "each layer writes its own buffers: self.keys[layer]")
        ],
    )
    expect_close(got_v, torch.cat([v0, v2], dim=2), inputs=inputs, what="layer 0's values")


def check_fills_to_max_len(submitted, reference):
    """filling the cache exactly to max_len is allowed"""
    cache = _cache(submitted, 1, max_len=5)
    (k1, v1), (k2, v2) = _kv(4, 6), _kv(1, 7)
    cache.append(0, k1, v1)
    cache.advance(4)
    got_k, _ = cache.append(0, k2, v2)
    expect_close(
        got_k,
        torch.cat([k1, k2], dim=2),
        inputs="max_len 5: 4 positions, then 1 more (exactly full)",
        what="the returned keys",
    )


def check_overflow(submitted, reference):
    """more positions than max_len is an error (ValueError)"""
    cache = _cache(submitted, 1, max_len=5)
    k, v = _kv(4, 8)
    cache.append(0, k, v)
    cache.advance(4)
    k2, v2 = _kv(2, 9)
    expect_raises(
        ValueError,
        cache.append,
        0,
        k2,
        v2,
        inputs="max_len 5, 4 filled, 2 more",
        what="appending past max_len",
    )
