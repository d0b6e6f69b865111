"""Hidden tests for ridge-loss-gradient. Each test receives the candidate's `ridge_loss_and_grad`."""

import numpy as np


def _call(fn, X, y, w, b, lam):
    loss, grad_w, grad_b = fn(X, y, w, b, lam)
    return float(np.asarray(loss)), np.asarray(grad_w, dtype=float), float(np.asarray(grad_b))


def test_known_values(ridge_loss_and_grad):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    loss, gw, gb = _call(ridge_loss_and_grad, X, y, np.array([1.0, 1.0]), 0.5, 0.2)
    # residuals [0.5, -0.5, -0.5]: MSE 0.25, penalty 0.1 * 2 = 0.2
    assert np.isclose(loss, 0.45, rtol=1e-12), f"expected loss 0.45, got {loss}"
    np.testing.assert_allclose(gw, [0.2, -2.0 / 3.0 + 0.2], rtol=1e-12,
                               err_msg="grad_w should be (2/N) X^T r + lam * w")
    assert np.isclose(gb, -1.0 / 3.0, rtol=1e-12), f"expected grad_b -1/3, got {gb}"


def test_mse_has_no_half_factor(ridge_loss_and_grad):
    loss, gw, gb = _call(ridge_loss_and_grad, np.array([[1.0]]), np.array([0.0]), np.array([2.0]), 0.0, 0.0)
    hint = ""
    if np.isclose(loss, 2.0):
        hint = ": the data term is the plain mean of squared residuals (no 1/2 factor)"
    assert np.isclose(loss, 4.0, rtol=1e-12), f"one sample with residual 2 and lam=0 should give loss 4.0, got {loss}{hint}"
    assert np.isclose(gw[0], 4.0, rtol=1e-12) and np.isclose(gb, 4.0, rtol=1e-12), (
        f"its gradients should be grad_w=[4.0] and grad_b=4.0 (2 * residual * x), got {gw.tolist()} and {gb}")


def test_bias_is_not_penalised(ridge_loss_and_grad):
    X, y = np.zeros((4, 2)), np.zeros(4)
    loss, gw, gb = _call(ridge_loss_and_grad, X, y, np.zeros(2), 3.0, 10.0)
    hint = ""
    if loss > 9.0 + 1e-9 or gb > 6.0 + 1e-9:
        hint = ": the bias must not be regularised, only w"
    assert np.isclose(loss, 9.0, rtol=1e-12) and np.isclose(gb, 6.0, rtol=1e-12), (
        f"with w=0, b=3, lam=10 and all-zero data expected loss 9.0 and grad_b 6.0, "
        f"got loss {loss} and grad_b {gb}{hint}")


def test_penalty_term(ridge_loss_and_grad):
    loss, gw, _ = _call(ridge_loss_and_grad, np.zeros((3, 2)), np.zeros(3), np.array([1.0, -2.0]), 0.0, 0.5)
    assert np.isclose(loss, 1.25, rtol=1e-12), f"with zero data the loss is (lam/2)||w||^2 = 1.25, got {loss}"
    np.testing.assert_allclose(gw, [0.5, -1.0], rtol=1e-12, err_msg="with zero data grad_w should be lam * w")


def test_shapes_and_scalars(ridge_loss_and_grad):
    X, y = np.ones((5, 3)), np.arange(5.0)
    loss, gw, gb = ridge_loss_and_grad(X, y, np.zeros(3), 0.0, 1.0)
    assert np.asarray(loss).size == 1, f"the loss must be a single number, got shape {np.asarray(loss).shape}"
    assert np.asarray(gw).shape == (3,), f"expected grad_w shape (3,), got {np.asarray(gw).shape}"
    assert np.asarray(gb).size == 1, f"grad_b must be a single number, got shape {np.asarray(gb).shape}"


def test_gradient_matches_finite_differences(ridge_loss_and_grad):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(10, 4)), rng.normal(size=10)
    w, b, lam, h = rng.normal(size=4), 0.3, 0.7, 1e-6
    _, gw, gb = _call(ridge_loss_and_grad, X, y, w, b, lam)
    num_w = np.zeros(4)
    for j in range(4):
        e = np.zeros(4)
        e[j] = h
        num_w[j] = (_call(ridge_loss_and_grad, X, y, w + e, b, lam)[0]
                    - _call(ridge_loss_and_grad, X, y, w - e, b, lam)[0]) / (2 * h)
    num_b = (_call(ridge_loss_and_grad, X, y, w, b + h, lam)[0]
             - _call(ridge_loss_and_grad, X, y, w, b - h, lam)[0]) / (2 * h)
    np.testing.assert_allclose(gw, num_w, rtol=1e-5, atol=1e-7,
                               err_msg="grad_w does not match finite differences of your own loss")
    assert np.isclose(gb, num_b, rtol=1e-5, atol=1e-7), (
        f"grad_b {gb} does not match the finite difference {num_b} of your own loss")


def test_inputs_are_not_modified(ridge_loss_and_grad):
    X, y, w = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, -1.0]), np.array([0.5, -0.5])
    copies = X.copy(), y.copy(), w.copy()
    ridge_loss_and_grad(X, y, w, 0.1, 0.3)
    for name, arr, before in zip(("X", "y", "w"), (X, y, w), copies):
        np.testing.assert_array_equal(arr, before, err_msg=f"ridge_loss_and_grad must not change {name}")


def test_random_against_loop(ridge_loss_and_grad):
    rng = np.random.default_rng(5)
    X, y, w = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
    b, lam = -0.4, 0.25
    r = [sum(X[i, j] * w[j] for j in range(3)) + b - y[i] for i in range(6)]
    exp_loss = sum(ri ** 2 for ri in r) / 6 + lam / 2 * sum(wj ** 2 for wj in w)
    exp_gw = [2 / 6 * sum(r[i] * X[i, j] for i in range(6)) + lam * w[j] for j in range(3)]
    exp_gb = 2 / 6 * sum(r)
    loss, gw, gb = _call(ridge_loss_and_grad, X, y, w, b, lam)
    assert np.isclose(loss, exp_loss, rtol=1e-10), f"random loss: expected {exp_loss:.6f}, got {loss:.6f}"
    np.testing.assert_allclose(gw, exp_gw, rtol=1e-10, err_msg="random grad_w differs from a loop computation")
    assert np.isclose(gb, exp_gb, rtol=1e-10), f"random grad_b: expected {exp_gb:.6f}, got {gb:.6f}"
