"""Hidden tests for multi-head-attention-forward.

Each test receives the candidate's `multi_head_attention`.
"""

import math

import numpy as np


def _weights(seed, d):
    rng = np.random.default_rng(seed)
    return [rng.normal(scale=1 / math.sqrt(d), size=(d, d)) for _ in range(4)]


def _slow_mha(x, Wq, Wk, Wv, Wo, n_heads, scale_dim=None):
    B, L, D = x.shape
    dh = D // n_heads
    scale = math.sqrt(scale_dim if scale_dim is not None else dh)
    out = np.zeros((B, L, D))
    for b in range(B):
        q, k, v = x[b] @ Wq, x[b] @ Wk, x[b] @ Wv
        concat = np.zeros((L, D))
        for h in range(n_heads):
            cols = slice(h * dh, (h + 1) * dh)
            for i in range(L):
                s = np.array([q[i, cols] @ k[j, cols] for j in range(L)]) / scale
                e = np.exp(s - s.max())
                concat[i, cols] = (e / e.sum()) @ v[:, cols]
        out[b] = concat @ Wo
    return out


def _run(multi_head_attention, *args):
    return np.asarray(multi_head_attention(*args), dtype=float)


def test_identity_example_by_hand(multi_head_attention):
    x = np.array([[[1.0, 0.0], [0.0, 1.0]]])
    eye = np.eye(2)
    out = _run(multi_head_attention, x, eye, eye, eye, eye, 2)
    a = 1 / (1 + math.exp(-1))
    np.testing.assert_allclose(out, [[[a, 0.5], [0.5, a]]], rtol=1e-9,
                               err_msg="two heads of size 1 with identity weights: head 0 sees "
                                       "feature 0 only, head 1 feature 1 only")


def test_output_shape(multi_head_attention):
    x = np.random.default_rng(0).normal(size=(2, 5, 8))
    out = _run(multi_head_attention, x, *_weights(1, 8), 2)
    assert out.shape == (2, 5, 8), f"expected output shape (2, 5, 8), got {out.shape}"


def test_one_head_is_plain_attention(multi_head_attention):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(1, 4, 6))
    Wq, Wk, Wv, Wo = _weights(3, 6)
    q, k, v = x[0] @ Wq, x[0] @ Wk, x[0] @ Wv
    s = q @ k.T / math.sqrt(6)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    out = _run(multi_head_attention, x, Wq, Wk, Wv, Wo, 1)
    np.testing.assert_allclose(out[0], w @ v @ Wo, rtol=1e-9,
                               err_msg="with n_heads=1 the layer is single-head attention "
                                       "followed by the output projection Wo")


def test_matches_per_head_reference(multi_head_attention):
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 5, 8))
    W = _weights(5, 8)
    out = _run(multi_head_attention, x, *W, 4)
    if np.allclose(out, _slow_mha(x, *W, 4, scale_dim=8), rtol=1e-9):
        raise AssertionError("the scores were divided by sqrt(D) = sqrt(8); each head must "
                             "scale by its own dimension, sqrt(D / n_heads) = sqrt(2)")
    np.testing.assert_allclose(out, _slow_mha(x, *W, 4), rtol=1e-9, atol=1e-12,
                               err_msg="output differs from a loop over batch, heads and tokens "
                                       "(head h uses features h*d_h..(h+1)*d_h-1 of every token; "
                                       "split with reshape to (B, L, H, d_h) then transpose)")


def test_permuting_tokens_permutes_output(multi_head_attention):
    rng = np.random.default_rng(6)
    x = rng.normal(size=(1, 6, 8))
    W = _weights(7, 8)
    perm = np.array([3, 0, 5, 1, 4, 2])
    a = _run(multi_head_attention, x, *W, 2)
    b = _run(multi_head_attention, x[:, perm], *W, 2)
    np.testing.assert_allclose(b, a[:, perm], rtol=1e-9, atol=1e-12,
                               err_msg="without a mask, permuting the tokens must permute the "
                                       "output the same way; if not, heads are mixing tokens "
                                       "(a reshape to (B, H, L, d_h) without a transpose)")


def test_zero_query_and_key_weights_average_values(multi_head_attention):
    rng = np.random.default_rng(8)
    x = rng.normal(size=(2, 4, 6))
    _, _, Wv, Wo = _weights(9, 6)
    zero = np.zeros((6, 6))
    out = _run(multi_head_attention, x, zero, zero, Wv, Wo, 3)
    expected = np.repeat((x @ Wv).mean(axis=1, keepdims=True), 4, axis=1) @ Wo
    np.testing.assert_allclose(out, expected, rtol=1e-9,
                               err_msg="with Wq = Wk = 0 all scores are equal, so every token "
                                       "should output mean(x @ Wv over tokens) @ Wo")


def test_batch_elements_are_independent(multi_head_attention):
    rng = np.random.default_rng(10)
    x = rng.normal(size=(3, 4, 8))
    W = _weights(11, 8)
    full = _run(multi_head_attention, x, *W, 2)
    single = _run(multi_head_attention, x[1:2], *W, 2)
    np.testing.assert_allclose(full[1:2], single, rtol=1e-9,
                               err_msg="batch element 1 should not depend on the other elements")


def test_large_inputs_are_stable(multi_head_attention):
    x = np.random.default_rng(12).normal(scale=100.0, size=(1, 5, 4))
    eye = np.eye(4)
    out = _run(multi_head_attention, x, eye, eye, eye, eye, 2)
    assert np.all(np.isfinite(out)), (
        "large inputs gave inf or nan: subtract the row max inside the softmax"
    )


def test_inputs_are_not_modified(multi_head_attention):
    x = np.random.default_rng(13).normal(size=(1, 3, 4))
    W = _weights(14, 4)
    copies = [x.copy()] + [w.copy() for w in W]
    multi_head_attention(x, *W, 2)
    for name, arr, before in zip(("x", "Wq", "Wk", "Wv", "Wo"), [x, *W], copies, strict=True):
        np.testing.assert_array_equal(arr, before, err_msg=f"{name} must not be changed")
