"""Hidden tests for l1-elastic-net-gradient. Each test receives the candidate's `elastic_net_loss_and_grad`."""

import numpy as np


def _call(fn, X, y, w, b, lam, l1_ratio):
    loss, grad_w, grad_b = fn(X, y, w, b, lam, l1_ratio)
    return float(np.asarray(loss)), np.asarray(grad_w, dtype=float), float(np.asarray(grad_b))


def test_known_values(elastic_net_loss_and_grad):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    loss, gw, gb = _call(elastic_net_loss_and_grad, X, y, np.array([1.0, -0.5]), 0.0, 0.4, 0.5)
    # residuals [0, -2.5, -2.5]: MSE 12.5 / 3; penalty 0.4 * (0.5 * 1.5 + 0.25 * 1.25) = 0.425
    assert np.isclose(loss, 12.5 / 3 + 0.425, rtol=1e-12), f"expected loss {12.5 / 3 + 0.425:.6f}, got {loss}"
    np.testing.assert_allclose(gw, [-5.0 / 3 + 0.4, -10.0 / 3 - 0.3], rtol=1e-12,
                               err_msg="grad_w should be (2/N) X^T r + lam * (l1_ratio * sign(w) + (1 - l1_ratio) * w)")
    assert np.isclose(gb, -10.0 / 3, rtol=1e-12), f"expected grad_b -10/3, got {gb}"


def test_subgradient_at_zero_is_zero(elastic_net_loss_and_grad):
    loss, gw, _ = _call(elastic_net_loss_and_grad, np.zeros((2, 3)), np.zeros(2),
                        np.array([0.0, 2.0, -3.0]), 0.0, 1.0, 1.0)
    hint = ""
    if gw[0] != 0:
        hint = ": use sign(0) = 0 for the L1 subgradient where w_j = 0"
    assert np.allclose(gw, [0.0, 1.0, -1.0], atol=1e-12), (
        f"with zero data, lam=1, l1_ratio=1 and w=[0, 2, -3] expected grad_w [0, 1, -1], got {gw.tolist()}{hint}")
    assert np.isclose(loss, 5.0, rtol=1e-12), f"expected loss lam * ||w||_1 = 5.0, got {loss}"


def test_pure_lasso(elastic_net_loss_and_grad):
    loss, gw, _ = _call(elastic_net_loss_and_grad, np.zeros((2, 2)), np.zeros(2),
                        np.array([0.5, -2.0]), 0.0, 2.0, 1.0)
    ok = np.isclose(loss, 5.0, rtol=1e-12) and np.allclose(gw, [2.0, -2.0], rtol=1e-12)
    assert ok, (f"with l1_ratio=1 (pure lasso) the penalty is lam * ||w||_1 = 5.0 with gradient "
                f"lam * sign(w) = [2, -2], got loss {loss} and grad_w {gw.tolist()}")


def test_pure_ridge(elastic_net_loss_and_grad):
    loss, gw, _ = _call(elastic_net_loss_and_grad, np.zeros((2, 2)), np.zeros(2),
                        np.array([0.5, -2.0]), 0.0, 2.0, 0.0)
    ok = np.isclose(loss, 4.25, rtol=1e-12) and np.allclose(gw, [1.0, -4.0], rtol=1e-12)
    assert ok, (f"with l1_ratio=0 (pure ridge) the penalty is (lam/2) * ||w||^2 = 4.25 with gradient "
                f"lam * w = [1, -4], got loss {loss} and grad_w {gw.tolist()}")


def test_bias_is_not_penalised(elastic_net_loss_and_grad):
    loss, _, gb = _call(elastic_net_loss_and_grad, np.zeros((4, 2)), np.zeros(4), np.zeros(2), -2.0, 5.0, 0.5)
    assert np.isclose(loss, 4.0, rtol=1e-12) and np.isclose(gb, -4.0, rtol=1e-12), (
        f"with w=0, b=-2 and all-zero data expected loss 4.0 and grad_b -4.0, got loss {loss} "
        f"and grad_b {gb}: the bias is not penalised")


def test_gradient_matches_finite_differences_away_from_zero(elastic_net_loss_and_grad):
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(12, 4)), rng.normal(size=12)
    w = np.array([0.8, -1.2, 0.5, -0.3])
    b, lam, ratio, h = 0.2, 0.6, 0.3, 1e-6
    _, gw, gb = _call(elastic_net_loss_and_grad, X, y, w, b, lam, ratio)
    num = np.zeros(4)
    for j in range(4):
        e = np.zeros(4)
        e[j] = h
        num[j] = (_call(elastic_net_loss_and_grad, X, y, w + e, b, lam, ratio)[0]
                  - _call(elastic_net_loss_and_grad, X, y, w - e, b, lam, ratio)[0]) / (2 * h)
    num_b = (_call(elastic_net_loss_and_grad, X, y, w, b + h, lam, ratio)[0]
             - _call(elastic_net_loss_and_grad, X, y, w, b - h, lam, ratio)[0]) / (2 * h)
    np.testing.assert_allclose(gw, num, rtol=1e-5, atol=1e-7,
                               err_msg="grad_w does not match finite differences of your own loss (w away from 0)")
    assert np.isclose(gb, num_b, rtol=1e-5, atol=1e-7), f"grad_b {gb} does not match the finite difference {num_b}"


def test_shapes_and_inputs_not_modified(elastic_net_loss_and_grad):
    X, y, w = np.array([[1.0, 2.0, 0.0], [3.0, 4.0, 1.0]]), np.array([1.0, -1.0]), np.array([0.5, 0.0, -0.5])
    copies = X.copy(), y.copy(), w.copy()
    loss, gw, gb = elastic_net_loss_and_grad(X, y, w, 0.1, 0.3, 0.5)
    assert np.asarray(gw).shape == (3,), f"expected grad_w shape (3,), got {np.asarray(gw).shape}"
    assert np.asarray(loss).size == 1 and np.asarray(gb).size == 1, "loss and grad_b must be single numbers"
    for name, arr, before in zip(("X", "y", "w"), (X, y, w), copies):
        np.testing.assert_array_equal(arr, before, err_msg=f"elastic_net_loss_and_grad must not change {name}")


def test_random_against_loop(elastic_net_loss_and_grad):
    rng = np.random.default_rng(8)
    X, y = rng.normal(size=(7, 4)), rng.normal(size=7)
    w = np.array([0.0, 1.5, -0.7, 0.0])
    b, lam, a = 0.3, 0.9, 0.25
    sgn = lambda v: 1.0 if v > 0 else (-1.0 if v < 0 else 0.0)
    r = [sum(X[i, j] * w[j] for j in range(4)) + b - y[i] for i in range(7)]
    exp_loss = (sum(ri ** 2 for ri in r) / 7
                + lam * (a * sum(abs(wj) for wj in w) + (1 - a) / 2 * sum(wj ** 2 for wj in w)))
    exp_gw = [2 / 7 * sum(r[i] * X[i, j] for i in range(7)) + lam * (a * sgn(w[j]) + (1 - a) * w[j])
              for j in range(4)]
    loss, gw, gb = _call(elastic_net_loss_and_grad, X, y, w, b, lam, a)
    assert np.isclose(loss, exp_loss, rtol=1e-10), f"random loss: expected {exp_loss:.6f}, got {loss:.6f}"
    np.testing.assert_allclose(gw, exp_gw, rtol=1e-10, atol=1e-12, err_msg="random grad_w differs from a loop computation")
    assert np.isclose(gb, 2 / 7 * sum(r), rtol=1e-10), f"random grad_b: expected {2 / 7 * sum(r):.6f}, got {gb:.6f}"
