"""Hidden tests for mlp-backprop-two-layer. Each test receives the candidate's `mlp_loss_and_grads`."""

import math

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


def _net(seed, n=5, d=4, hidden=6, c=3):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n)
    params = {"W1": rng.normal(size=(d, hidden)), "b1": rng.normal(scale=0.1, size=hidden),
              "W2": rng.normal(size=(hidden, c)), "b2": rng.normal(scale=0.1, size=c)}
    return X, y, params


def _call(fn, X, y, p):
    loss, grads = fn(X, y, p["W1"], p["b1"], p["W2"], p["b2"])
    return float(np.asarray(loss)), {k: np.asarray(grads[k], dtype=float) for k in NAMES}


def test_zero_weights_known_values(mlp_loss_and_grads):
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5], [-2.0, 1.0]])
    y = np.array([0, 2, 2, 1])
    p = {"W1": np.zeros((2, 3)), "b1": np.zeros(3), "W2": np.zeros((3, 3)), "b2": np.zeros(3)}
    loss, g = _call(mlp_loss_and_grads, X, y, p)
    assert np.isclose(loss, math.log(3), rtol=1e-12), f"with all-zero weights and 3 classes the loss is ln 3 = 1.0986, got {loss}"
    # p = 1/3 for every class; class frequencies are [1/4, 1/4, 1/2]
    np.testing.assert_allclose(g["b2"], [1 / 3 - 1 / 4, 1 / 3 - 1 / 4, 1 / 3 - 1 / 2], atol=1e-12,
                               err_msg="db2 should be the batch mean of (softmax - one_hot(y))")
    for k in ("W1", "b1", "W2"):
        np.testing.assert_allclose(g[k], np.zeros_like(p[k]), atol=1e-12,
                                   err_msg=f"with all-zero weights d{k} should be 0 (the hidden layer outputs 0)")


def test_gradient_keys_and_shapes(mlp_loss_and_grads):
    X, y, p = _net(0, n=7, d=5, hidden=4, c=3)
    loss, grads = mlp_loss_and_grads(X, y, p["W1"], p["b1"], p["W2"], p["b2"])
    assert np.asarray(loss).size == 1, f"the loss must be a single number, got shape {np.asarray(loss).shape}"
    assert set(grads) == set(NAMES), f"expected gradient keys {sorted(NAMES)}, got {sorted(grads)}"
    for k in NAMES:
        got = np.asarray(grads[k]).shape
        assert got == p[k].shape, f"gradient {k} should have the shape of {k}, {p[k].shape}, got {got}"


def test_gradients_match_finite_differences(mlp_loss_and_grads):
    X, y, p = _net(1)
    assert np.min(np.abs(X @ p["W1"] + p["b1"])) > 1e-3  # keep away from ReLU kinks
    _, g = _call(mlp_loss_and_grads, X, y, p)
    h = 1e-6
    for k in NAMES:
        numeric = np.zeros_like(p[k])
        for idx in np.ndindex(p[k].shape):
            plus = {n: v.copy() for n, v in p.items()}
            minus = {n: v.copy() for n, v in p.items()}
            plus[k][idx] += h
            minus[k][idx] -= h
            numeric[idx] = (_call(mlp_loss_and_grads, X, y, plus)[0] - _call(mlp_loss_and_grads, X, y, minus)[0]) / (2 * h)
        np.testing.assert_allclose(g[k], numeric, rtol=1e-4, atol=1e-7,
                                   err_msg=f"d{k} does not match central finite differences of your loss")


def test_gradients_are_a_mean_over_the_batch(mlp_loss_and_grads):
    X, y, p = _net(2)
    loss1, g1 = _call(mlp_loss_and_grads, X, y, p)
    loss2, g2 = _call(mlp_loss_and_grads, np.vstack([X, X]), np.concatenate([y, y]), p)
    assert np.isclose(loss1, loss2, rtol=1e-12), (
        f"repeating the batch twice should not change the loss ({loss1:.6f} vs {loss2:.6f}): take the mean over the batch")
    for k in NAMES:
        ratio = np.linalg.norm(g2[k]) / max(np.linalg.norm(g1[k]), 1e-300)
        assert np.allclose(g1[k], g2[k], rtol=1e-10, atol=1e-12), (
            f"repeating the batch twice changed d{k} by a factor {ratio:.2f}: the gradients of a "
            "mean over the batch must not grow with the batch size, divide by N")


def test_inactive_relu_units_get_no_gradient(mlp_loss_and_grads):
    X, y, p = _net(3)
    p["b1"][0] = -100.0  # hidden unit 0 is off for every example
    _, g = _call(mlp_loss_and_grads, X, y, p)
    ok = np.allclose(g["W1"][:, 0], 0.0, atol=1e-12) and abs(g["b1"][0]) < 1e-12
    assert ok, (
        f"hidden unit 0 is inactive (pre-activation < 0) for all examples, so dW1[:, 0] and db1[0] "
        f"must be 0, got {g['W1'][:, 0].round(4).tolist()} and {g['b1'][0]:.4f}: multiply by the "
        "ReLU derivative (z1 > 0)")


def test_large_logits_are_stable(mlp_loss_and_grads):
    X, y, p = _net(4)
    p["W2"] = p["W2"] * 1000.0
    loss, g = _call(mlp_loss_and_grads, X, y, p)
    finite = np.isfinite(loss) and all(np.all(np.isfinite(g[k])) for k in NAMES)
    assert finite, f"large logits gave inf or nan (loss {loss}): use a stable log-softmax, subtract the max logit"


def test_inputs_are_not_modified(mlp_loss_and_grads):
    X, y, p = _net(5)
    copies = X.copy(), y.copy(), {k: v.copy() for k, v in p.items()}
    mlp_loss_and_grads(X, y, p["W1"], p["b1"], p["W2"], p["b2"])
    np.testing.assert_array_equal(X, copies[0], err_msg="mlp_loss_and_grads must not change X")
    np.testing.assert_array_equal(y, copies[1], err_msg="mlp_loss_and_grads must not change y")
    for k in NAMES:
        np.testing.assert_array_equal(p[k], copies[2][k], err_msg=f"mlp_loss_and_grads must not change {k}")


def test_loss_against_loops(mlp_loss_and_grads):
    X, y, p = _net(6, n=4, d=3, hidden=5, c=4)
    total = 0.0
    for i in range(4):
        hidden = [max(0.0, sum(X[i, a] * p["W1"][a, j] for a in range(3)) + p["b1"][j]) for j in range(5)]
        logits = [sum(hidden[j] * p["W2"][j, c] for j in range(5)) + p["b2"][c] for c in range(4)]
        total += -(logits[y[i]] - math.log(sum(math.exp(v) for v in logits)))
    loss, _ = _call(mlp_loss_and_grads, X, y, p)
    assert np.isclose(loss, total / 4, rtol=1e-10), f"loss should be the mean cross-entropy {total / 4:.6f}, got {loss:.6f}"
