"""Hidden tests for adam-step. Each test receives the candidate's `adam_step`."""

import math

import numpy as np


def _step(fn, w, g, m, v, t, **kw):
    w_new, m_new, v_new = fn(w, g, m, v, t, **kw)
    return np.asarray(w_new, dtype=float), np.asarray(m_new, dtype=float), np.asarray(v_new, dtype=float)


def test_first_step_has_size_lr(adam_step):
    g = np.array([2.0, -0.5, 0.01])
    w, _, _ = _step(adam_step, np.zeros(3), g, np.zeros(3), np.zeros(3), 1, lr=0.01)
    step = -w
    hint = ""
    if np.allclose(np.abs(step), 0.01 * 0.1 / math.sqrt(0.001), rtol=1e-3):
        hint = ": apply bias correction, dividing m by (1 - beta1^t) and v by (1 - beta2^t)"
    assert np.allclose(step, 0.01 * np.sign(g), rtol=1e-5), (
        f"at t=1 from zero moments every weight should move by about lr=0.01 against its gradient, "
        f"got steps {step.tolist()}{hint}")


def test_returns_uncorrected_moments(adam_step):
    _, m, v = _step(adam_step, np.zeros(1), np.array([2.0]), np.zeros(1), np.zeros(1), 1)
    hint = ""
    if np.allclose(m, [2.0]) or np.allclose(v, [4.0]):
        hint = (": return the raw, uncorrected moments as the new state; the bias-corrected "
                "values are only used to compute the update")
    assert np.allclose(m, [0.2], rtol=1e-12) and np.allclose(v, [0.004], rtol=1e-12), (
        f"after one step with grad 2 from zero state expected m=0.2 and v=0.004, "
        f"got m={m.tolist()} and v={v.tolist()}{hint}")


def test_known_values_at_a_later_step(adam_step):
    w0, g, m0, v0, t = 0.5, -1.0, 0.3, 0.2, 3
    lr, b1, b2, eps = 0.1, 0.8, 0.9, 1e-8
    m = b1 * m0 + (1 - b1) * g            # 0.04
    v = b2 * v0 + (1 - b2) * g * g        # 0.28
    m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
    expected_w = w0 - lr * m_hat / (math.sqrt(v_hat) + eps)
    w_new, m_new, v_new = _step(adam_step, np.array([w0]), np.array([g]), np.array([m0]),
                                np.array([v0]), t, lr=lr, betas=(b1, b2), eps=eps)
    np.testing.assert_allclose(m_new, [m], rtol=1e-12, err_msg="m should be beta1 * m + (1 - beta1) * grad")
    np.testing.assert_allclose(v_new, [v], rtol=1e-12, err_msg="v should be beta2 * v + (1 - beta2) * grad^2")
    np.testing.assert_allclose(w_new, [expected_w], rtol=1e-10,
                               err_msg="w at t=3 should be w - lr * m_hat / (sqrt(v_hat) + eps) with bias correction")


def test_default_hyperparameters(adam_step):
    w0, g = np.array([1.0, -1.0]), np.array([0.3, 0.7])
    m0, v0 = np.array([0.1, 0.0]), np.array([0.01, 0.5])
    w_def, m_def, v_def = _step(adam_step, w0, g, m0, v0, 4)
    w_exp, m_exp, v_exp = _step(adam_step, w0, g, m0, v0, 4, lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    m_ref = 0.9 * m0 + 0.1 * g
    v_ref = 0.999 * v0 + 0.001 * g ** 2
    w_ref = w0 - 1e-3 * (m_ref / (1 - 0.9 ** 4)) / (np.sqrt(v_ref / (1 - 0.999 ** 4)) + 1e-8)
    np.testing.assert_allclose(w_def, w_ref, rtol=1e-12,
                               err_msg="defaults should be lr=1e-3, betas=(0.9, 0.999), eps=1e-8 (PyTorch)")
    np.testing.assert_allclose(w_exp, w_ref, rtol=1e-12, err_msg="explicit hyper-parameters are not used correctly")


def test_constant_gradient_steps_are_lr_each(adam_step):
    w, m, v = np.array([1.0]), np.zeros(1), np.zeros(1)
    for t in range(1, 6):
        w, m, v = _step(adam_step, w, np.array([3.0]), m, v, t, lr=0.01)
    # With a constant gradient the bias-corrected moments equal g and g^2 exactly.
    hint = ""
    if abs(w[0] - 0.95) > 1e-3:
        hint = ": with correct bias correction each step is lr when the gradient is constant"
    assert np.isclose(w[0], 0.95, rtol=1e-6), (
        f"5 steps with constant gradient 3 and lr=0.01 should take w from 1.0 to 0.95, got {w[0]:.6f}{hint}")


def test_zero_gradient_from_zero_state(adam_step):
    w, m, v = _step(adam_step, np.array([0.7, -0.2]), np.zeros(2), np.zeros(2), np.zeros(2), 1)
    assert np.all(np.isfinite(w)), "a zero gradient from zero state gave nan: add eps after the square root"
    np.testing.assert_allclose(w, [0.7, -0.2], rtol=1e-12, err_msg="a zero gradient from zero state must not move w")


def test_shapes_and_inputs_not_modified(adam_step):
    rng = np.random.default_rng(2)
    w, g, m = rng.normal(size=(2, 3)), rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    v = rng.uniform(0.1, 1.0, size=(2, 3))
    copies = [a.copy() for a in (w, g, m, v)]
    w_new, m_new, v_new = _step(adam_step, w, g, m, v, 2)
    for name, arr in (("w", w_new), ("m", m_new), ("v", v_new)):
        assert arr.shape == (2, 3), f"expected {name} shape (2, 3), got {arr.shape}"
    for name, arr, before in zip(("w", "grad", "m", "v"), (w, g, m, v), copies):
        np.testing.assert_array_equal(arr, before, err_msg=f"adam_step must not change {name} in place")


def test_random_against_loop(adam_step):
    rng = np.random.default_rng(9)
    w0, g, m0 = rng.normal(size=5), rng.normal(size=5), rng.normal(scale=0.1, size=5)
    v0 = rng.uniform(0.0, 0.1, size=5)
    t, lr, b1, b2, eps = 7, 0.05, 0.85, 0.99, 1e-6
    w_exp, m_exp, v_exp = [], [], []
    for i in range(5):
        mi = b1 * m0[i] + (1 - b1) * g[i]
        vi = b2 * v0[i] + (1 - b2) * g[i] ** 2
        w_exp.append(w0[i] - lr * (mi / (1 - b1 ** t)) / (math.sqrt(vi / (1 - b2 ** t)) + eps))
        m_exp.append(mi)
        v_exp.append(vi)
    w, m, v = _step(adam_step, w0, g, m0, v0, t, lr=lr, betas=(b1, b2), eps=eps)
    np.testing.assert_allclose(m, m_exp, rtol=1e-12, err_msg="random m differs from an element-by-element computation")
    np.testing.assert_allclose(v, v_exp, rtol=1e-12, err_msg="random v differs from an element-by-element computation")
    np.testing.assert_allclose(w, w_exp, rtol=1e-10, err_msg="random w differs from an element-by-element computation")
