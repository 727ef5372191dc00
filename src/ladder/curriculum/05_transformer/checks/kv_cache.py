"""Checks for the KV-cache exercise: append, return what is filled, do not advance."""

import torch

from ladder.curriculum.expect import expect_close, expect_raises, expect_shape, expect_true


def _kv(t, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(1, 2, t, 3, generator=g), torch.randn(1, 2, t, 3, generator=g)


def check_first_append(submitted, reference):
    """appending 3 positions to an empty cache returns exactly them"""
    cache = submitted(n_layer=2, batch_size=1, n_head=2, max_len=8, head_dim=3)
    k, v = _kv(3, 0)
    got_k, got_v = cache.append(0, k, v)
    inputs = "empty cache (2 layers, max_len 8); k, v: (1, 2, 3, 3)"
    expect_shape(got_k, (1, 2, 3, 3), inputs=inputs, what="the returned keys")
    expect_close(got_k, k, inputs=inputs, what="the returned keys")
    expect_close(got_v, v, inputs=inputs, what="the returned values")
    expect_true(
        cache.length == 0,
        f"append changed length to {cache.length}",
        inputs=inputs,
        misconception="leave length alone: the model calls advance() once every layer has appended",
    )


def check_second_append(submitted, reference):
    """after advance(3), appending 2 more returns all 5 positions in order"""
    sub = submitted(n_layer=1, batch_size=1, n_head=2, max_len=8, head_dim=3)
    ref = reference(n_layer=1, batch_size=1, n_head=2, max_len=8, head_dim=3)
    (k1, v1), (k2, v2) = _kv(3, 1), _kv(2, 2)
    for cache in (sub, ref):
        cache.append(0, k1, v1)
        cache.advance(3)
    got_k, got_v = sub.append(0, k2, v2)
    want_k, want_v = ref.append(0, k2, v2)
    inputs = "3 positions appended and advanced, then 2 more"
    expect_close(
        got_k,
        want_k,
        inputs=inputs,
        what="the returned keys",
        mistakes=[
            (k2, "return every filled position (0 … length + T_new − 1), not only the new ones")
        ],
    )
    expect_close(got_v, want_v, inputs=inputs, what="the returned values")


def check_layers_independent(submitted, reference):
    """each layer has its own buffers"""
    cache = submitted(n_layer=2, batch_size=1, n_head=2, max_len=4, head_dim=3)
    (k0, v0), (k1, v1) = _kv(2, 3), _kv(2, 4)
    cache.append(0, k0, v0)
    got_k, _ = cache.append(1, k1, v1)
    expect_close(got_k, k1, inputs="layer 0 then layer 1, 2 positions each", what="layer 1's keys")


def check_overflow(submitted, reference):
    """more positions than max_len is an error (ValueError)"""
    cache = submitted(n_layer=1, batch_size=1, n_head=2, max_len=4, head_dim=3)
    k, v = _kv(3, 5)
    cache.append(0, k, v)
    cache.advance(3)
    expect_raises(
        ValueError,
        cache.append,
        0,
        k,
        v,
        inputs="max_len 4, 3 filled, 3 more",
        what="appending past max_len",
    )
