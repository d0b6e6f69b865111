"""Hidden tests for momentum-sgd-step. Each test receives the candidate's `momentum_sgd_step`."""

import numpy as np


def _step(fn, w, g, v, **kw):
    w_new, v_new = fn(w, g, v, **kw)
    return np.asarray(w_new, dtype=float), np.asarray(v_new, dtype=float)


def test_known_values(momentum_sgd_step):
    w, v = _step(momentum_sgd_step, np.array([1.0, -2.0]), np.array([0.5, 1.0]),
                 np.array([0.1, 0.2]), lr=0.1, mu=0.9)
    # v = 0.9 * [0.1, 0.2] - 0.1 * [0.5, 1.0] = [0.04, 0.08];  w = [1.04, -1.92]
    np.testing.assert_allclose(v, [0.04, 0.08], rtol=1e-12, err_msg="velocity should be mu * v - lr * grad")
    np.testing.assert_allclose(w, [1.04, -1.92], rtol=1e-12, err_msg="weights should be w + new velocity")


def test_weights_move_by_the_new_velocity(momentum_sgd_step):
    w, v = _step(momentum_sgd_step, np.array([0.0]), np.array([2.0]), np.array([0.0]), lr=0.5, mu=0.9)
    hint = ""
    if np.allclose(w, [0.0]):
        hint = ": update the velocity first, then add the new velocity to the weights"
    assert np.allclose(w, [-1.0], rtol=1e-12), (
        f"from zero velocity with grad 2 and lr 0.5 the weight should move to -1.0, got {w.tolist()}{hint}")


def test_step_goes_downhill(momentum_sgd_step):
    # f(w) = w^2 has gradient 2w; one step from w = 3 must reduce f.
    w, _ = _step(momentum_sgd_step, np.array([3.0]), np.array([6.0]), np.array([0.0]), lr=0.1, mu=0.9)
    hint = ""
    if abs(w[0]) > 3.0:
        hint = ": the step must go downhill, subtract lr * grad in the velocity"
    assert np.isclose(w[0], 2.4, rtol=1e-12), (
        f"one step on f(w) = w^2 from w=3 (grad 6, lr 0.1) should give w=2.4, got w={w[0]:.3f}{hint}")


def test_mu_zero_is_plain_sgd(momentum_sgd_step):
    w0, g = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.5, -0.5], [1.0, 0.0]])
    w, v = _step(momentum_sgd_step, w0, g, np.array([[9.0, 9.0], [9.0, 9.0]]), lr=0.2, mu=0.0)
    np.testing.assert_allclose(w, w0 - 0.2 * g, rtol=1e-12,
                               err_msg="with mu=0 the step must equal plain SGD w - lr * grad")
    assert w.shape == (2, 2) and v.shape == (2, 2), f"expected shapes (2, 2), got {w.shape} and {v.shape}"


def test_velocity_accumulates_over_steps(momentum_sgd_step):
    w, v, g = np.array([0.0]), np.array([0.0]), np.array([1.0])
    for _ in range(3):
        w, v = _step(momentum_sgd_step, w, g, v, lr=0.1, mu=0.5)
    # v: -0.1, -0.15, -0.175 ; w: -0.1, -0.25, -0.425
    np.testing.assert_allclose(v, [-0.175], rtol=1e-12,
                               err_msg="after 3 steps with constant grad 1, lr 0.1, mu 0.5 the velocity should be -0.175")
    np.testing.assert_allclose(w, [-0.425], rtol=1e-12,
                               err_msg="after 3 steps with constant grad 1, lr 0.1, mu 0.5 the weight should be -0.425")


def test_default_hyperparameters(momentum_sgd_step):
    w, v = _step(momentum_sgd_step, np.array([1.0]), np.array([1.0]), np.array([1.0]))
    np.testing.assert_allclose(v, [0.89], rtol=1e-12, err_msg="defaults lr=0.01, mu=0.9: v = 0.9 * 1 - 0.01 * 1 = 0.89")
    np.testing.assert_allclose(w, [1.89], rtol=1e-12, err_msg="defaults lr=0.01, mu=0.9: w = 1 + 0.89 = 1.89")


def test_inputs_are_not_modified(momentum_sgd_step):
    w, g, v = np.array([1.0, 2.0]), np.array([0.3, -0.4]), np.array([0.05, 0.0])
    copies = w.copy(), g.copy(), v.copy()
    momentum_sgd_step(w, g, v, lr=0.1, mu=0.9)
    for name, arr, before in zip(("w", "grad", "velocity"), (w, g, v), copies):
        np.testing.assert_array_equal(arr, before, err_msg=f"momentum_sgd_step must not change {name} in place")


def test_random_against_loop(momentum_sgd_step):
    rng = np.random.default_rng(4)
    w0, g, v0 = rng.normal(size=(3, 4)), rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    w_exp, v_exp = np.empty_like(w0), np.empty_like(v0)
    for i in range(3):
        for j in range(4):
            v_exp[i, j] = 0.8 * v0[i, j] - 0.05 * g[i, j]
            w_exp[i, j] = w0[i, j] + v_exp[i, j]
    w, v = _step(momentum_sgd_step, w0, g, v0, lr=0.05, mu=0.8)
    np.testing.assert_allclose(v, v_exp, rtol=1e-12, err_msg="random velocity differs from v = mu * v - lr * grad")
    np.testing.assert_allclose(w, w_exp, rtol=1e-12, err_msg="random weights differ from w + new velocity")
