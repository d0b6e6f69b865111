"""Hidden tests for causal-attention-mask. Each test receives the candidate's `causal_attention`."""

import math

import numpy as np


def _run(causal_attention, Q, K, V):
    out, weights = causal_attention(Q, K, V)
    return np.asarray(out, dtype=float), np.asarray(weights, dtype=float)


def _qkv(seed, L=5, d=4, dv=3):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(L, d)), rng.normal(size=(L, d)), rng.normal(size=(L, dv))


def test_small_example_by_hand(causal_attention):
    Q = np.array([[1.0, 0.0], [1.0, 0.0]])
    K = np.array([[2.0, 0.0], [0.0, 0.0]])
    V = np.array([[1.0], [3.0]])
    out, w = _run(causal_attention, Q, K, V)
    expected_w = np.array([[1.0, 0.0], [1 / (1 + math.exp(-math.sqrt(2))), 0.0]])
    expected_w[1, 1] = 1 - expected_w[1, 0]
    np.testing.assert_allclose(w, expected_w, rtol=1e-9, atol=1e-15,
                               err_msg="weights for the 2-token example are wrong")
    np.testing.assert_allclose(out, expected_w @ V, rtol=1e-9,
                               err_msg="output should be weights @ V")


def test_future_tokens_get_zero_weight(causal_attention):
    _, w = _run(causal_attention, *_qkv(0))
    future = np.triu(np.ones((5, 5), dtype=bool), k=1)
    assert np.all(np.isfinite(w)), (
        f"the weights contain nan or inf: {w.round(3).tolist()}; every row needs at least one "
        "allowed key (a token may attend to itself) and a stable softmax"
    )
    assert np.all(w[future] == 0.0), (
        f"future tokens (j > i) must get weight exactly 0, got {w[future].round(4).tolist()}: "
        "keep the lower triangle, mask[i, j] = j <= i"
    )


def test_token_attends_to_itself(causal_attention):
    Q, K, V = _qkv(1)
    out, w = _run(causal_attention, Q, K, V)
    assert np.all(np.isfinite(w[0])), (
        f"row 0 of the weights is {w[0].tolist()}: token 0 must be allowed to attend to itself "
        "(the diagonal j = i is part of the causal mask)"
    )
    np.testing.assert_allclose(w[0], np.eye(5)[0], atol=1e-15,
                               err_msg="token 0 sees only itself, so its weights are [1, 0, ...]")
    np.testing.assert_allclose(out[0], V[0], rtol=1e-12, err_msg="output[0] should equal V[0]")
    assert np.all(np.diag(w) > 0), "every token should give some weight to itself"


def test_shapes_and_rows_sum_to_one(causal_attention):
    out, w = _run(causal_attention, *_qkv(2, L=6, d=4, dv=7))
    assert out.shape == (6, 7), f"expected output shape (6, 7), got {out.shape}"
    assert w.shape == (6, 6), f"expected weights shape (6, 6), got {w.shape}"
    np.testing.assert_allclose(w.sum(axis=1), np.ones(6), rtol=1e-10,
                               err_msg="each row of weights should sum to 1")


def test_changing_the_future_does_not_change_the_past(causal_attention):
    Q, K, V = _qkv(3, L=6)
    out_a, _ = _run(causal_attention, Q, K, V)
    K2, V2 = K.copy(), V.copy()
    K2[4:] += 5.0
    V2[4:] -= 7.0
    out_b, _ = _run(causal_attention, Q, K2, V2)
    np.testing.assert_allclose(out_a[:4], out_b[:4], rtol=1e-12,
                               err_msg="changing tokens 4 and 5 changed the outputs of tokens "
                                       "0-3: earlier tokens must not see the future")


def test_last_token_sees_everything(causal_attention):
    Q, K, V = _qkv(4)
    out, _ = _run(causal_attention, Q, K, V)
    s = K @ Q[-1] / math.sqrt(4)
    e = np.exp(s - s.max())
    np.testing.assert_allclose(out[-1], (e / e.sum()) @ V, rtol=1e-10,
                               err_msg="the last token attends to every token, so its output "
                                       "equals unmasked attention")


def test_single_token(causal_attention):
    out, w = _run(causal_attention, np.array([[0.5, -1.0]]), np.array([[2.0, 1.0]]),
                  np.array([[4.0, 5.0, 6.0]]))
    np.testing.assert_allclose(w, [[1.0]], err_msg="a single token attends only to itself")
    np.testing.assert_allclose(out, [[4.0, 5.0, 6.0]], err_msg="a single token outputs its own V")


def test_large_scores_are_stable(causal_attention):
    Q = np.full((3, 2), 100.0)
    K = np.array([[100.0, 100.0], [99.0, 99.0], [98.0, 98.0]])
    _, w = _run(causal_attention, Q, K, np.eye(3))
    assert np.all(np.isfinite(w)), (
        f"large scores gave weights {w.tolist()}: subtract the row max before exp (and keep "
        "the diagonal allowed so that no row is fully masked)"
    )


def test_random_matches_slow_loop(causal_attention):
    Q, K, V = _qkv(5, L=7, d=8, dv=2)
    expected = np.zeros((7, 2))
    for i in range(7):
        scores = [float(Q[i] @ K[j]) / math.sqrt(8) for j in range(i + 1)]
        top = max(scores)
        e = [math.exp(s - top) for s in scores]
        for j in range(i + 1):
            expected[i] += e[j] / sum(e) * V[j]
    out, _ = _run(causal_attention, Q, K, V)
    np.testing.assert_allclose(out, expected, rtol=1e-9, atol=1e-12,
                               err_msg="random causal attention differs from a loop over tokens")


def test_inputs_are_not_modified(causal_attention):
    Q, K, V = _qkv(6)
    copies = Q.copy(), K.copy(), V.copy()
    causal_attention(Q, K, V)
    for name, arr, before in zip("QKV", (Q, K, V), copies, strict=True):
        np.testing.assert_array_equal(arr, before, err_msg=f"{name} must not be changed")
