"""Hidden tests for logistic-regression-gd.

Each test receives the candidate's `fit_logistic_regression`.
"""

import math

import numpy as np


def _fit(fit_logistic_regression, *args, **kwargs):
    w, b = fit_logistic_regression(*args, **kwargs)
    return np.asarray(w, dtype=float), float(np.asarray(b))


def _slow_fit(X, y, lr, n_iters):
    n, d = X.shape
    w, b = [0.0] * d, 0.0
    for _ in range(n_iters):
        grad_w, grad_b = [0.0] * d, 0.0
        for i in range(n):
            z = sum(X[i, j] * w[j] for j in range(d)) + b
            err = 1.0 / (1.0 + math.exp(-z)) - y[i]
            grad_w = [g + err * X[i, j] / n for j, g in enumerate(grad_w)]
            grad_b += err / n
        w = [wj - lr * g for wj, g in zip(w, grad_w, strict=True)]
        b -= lr * grad_b
    return np.array(w), b


def test_one_step_by_hand(fit_logistic_regression):
    X = np.array([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0]])
    y = np.array([1, 0, 0])
    w, b = _fit(fit_logistic_regression, X, y, lr=0.5, n_iters=1)
    expected_w, expected_b = np.array([-1 / 12, 1 / 12]), -1 / 12
    if np.allclose(w, 3 * expected_w):
        raise AssertionError(f"after one step got w={w}, 3 times the expected {expected_w}: "
                             "the gradient was summed; divide X.T @ (p - y) by n")
    if np.allclose(w, -expected_w):
        raise AssertionError(f"after one step got w={w}, the negative of {expected_w}: "
                             "step against the gradient, w -= lr * X.T @ (p - y) / n")
    np.testing.assert_allclose(w, expected_w, rtol=1e-9,
                               err_msg="w after one step from zero with lr=0.5 is wrong")
    assert np.isclose(b, expected_b, rtol=1e-9), (
        f"b after one step should be {expected_b:.6f}, got {b}: the bias needs its own update "
        "b -= lr * mean(p - y)"
    )


def test_zero_iterations_returns_zero_init(fit_logistic_regression):
    X = np.arange(12, dtype=float).reshape(4, 3)
    w, b = _fit(fit_logistic_regression, X, np.array([0, 1, 0, 1]), lr=0.1, n_iters=0)
    assert w.shape == (3,), f"expected w of shape (3,), got {w.shape}"
    np.testing.assert_array_equal(w, np.zeros(3), err_msg="with n_iters=0, w should stay at 0")
    assert b == 0.0, f"with n_iters=0, b should stay at 0, got {b}"


def test_output_shapes(fit_logistic_regression):
    X = np.random.default_rng(0).normal(size=(10, 4))
    w, b = fit_logistic_regression(X, np.arange(10) % 2, lr=0.1, n_iters=3)
    assert np.asarray(w).shape == (4,), f"expected w of shape (4,), got {np.asarray(w).shape}"
    assert np.asarray(b).size == 1, f"expected a scalar b, got shape {np.asarray(b).shape}"


def test_bias_learns_the_log_odds(fit_logistic_regression):
    X = np.zeros((4, 1))
    y = np.array([1, 1, 1, 0])
    w, b = _fit(fit_logistic_regression, X, y, lr=1.0, n_iters=2000)
    assert np.isclose(b, math.log(3), atol=1e-6), (
        f"with an all-zero feature and 3 of 4 labels positive, b should converge to the log-odds "
        f"log(3) = 1.098612, got {b}: the bias needs its own update b -= lr * mean(p - y)"
    )
    assert np.allclose(w, 0.0), f"the weight of an all-zero feature should stay 0, got {w}"


def test_separable_data_is_classified(fit_logistic_regression):
    X = np.array([[-2.0], [-1.5], [-1.0], [1.0], [1.5], [2.0]]) + 3.0
    y = np.array([0, 0, 0, 1, 1, 1])
    w, b = _fit(fit_logistic_regression, X, y, lr=0.5, n_iters=3000)
    pred = (X @ w + b > 0).astype(int)
    np.testing.assert_array_equal(pred, y, err_msg=f"the fitted model (w={w}, b={b:.4f}) "
                                  "should separate points below 3 from points above 3")


def test_matches_slow_reference(fit_logistic_regression):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(12, 3))
    y = (X[:, 0] - X[:, 1] + rng.normal(scale=0.5, size=12) > 0).astype(int)
    w, b = _fit(fit_logistic_regression, X, y, lr=0.3, n_iters=60)
    ew, eb = _slow_fit(X, y, 0.3, 60)
    np.testing.assert_allclose(w, ew, rtol=1e-8, atol=1e-10,
                               err_msg="w after 60 steps does not match a step-by-step reference "
                                       "(mean-log-loss gradient, simultaneous update of w and b)")
    assert np.isclose(b, eb, rtol=1e-8, atol=1e-10), f"b should be {eb:.8f}, got {b:.8f}"


def test_large_inputs_stay_finite(fit_logistic_regression):
    X = np.array([[800.0], [-800.0], [900.0], [-900.0]])
    y = np.array([1, 0, 1, 0])
    w, b = _fit(fit_logistic_regression, X, y, lr=1.0, n_iters=5)
    assert np.all(np.isfinite(w)) and np.isfinite(b), (
        f"large feature values gave w={w}, b={b}: compute the sigmoid without overflow"
    )


def test_inputs_are_not_modified(fit_logistic_regression):
    X = np.array([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0]])
    y = np.array([1.0, 0.0, 0.0])
    before_x, before_y = X.copy(), y.copy()
    fit_logistic_regression(X, y, lr=0.5, n_iters=10)
    np.testing.assert_array_equal(X, before_x, err_msg="X must not be changed")
    np.testing.assert_array_equal(y, before_y, err_msg="y must not be changed")
