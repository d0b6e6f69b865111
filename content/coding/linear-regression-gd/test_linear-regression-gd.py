"""Hidden tests for linear-regression-gd.

Each test receives the candidate's `fit_linear_regression_gd`.
"""

import numpy as np


def _fit(fit_linear_regression_gd, *args, **kwargs):
    w, b = fit_linear_regression_gd(*args, **kwargs)
    return np.asarray(w, dtype=float), float(np.asarray(b))


def _slow_fit(X, y, lr, n_iters):
    n, d = X.shape
    w, b = [0.0] * d, 0.0
    for _ in range(n_iters):
        r = [sum(X[i, j] * w[j] for j in range(d)) + b - y[i] for i in range(n)]
        grad_w = [2.0 / n * sum(r[i] * X[i, j] for i in range(n)) for j in range(d)]
        grad_b = 2.0 / n * sum(r)
        w = [wj - lr * g for wj, g in zip(w, grad_w, strict=True)]
        b -= lr * grad_b
    return np.array(w), b


def test_one_step_by_hand(fit_linear_regression_gd):
    X = np.array([[1.0], [2.0], [3.0]])
    y = np.array([2.0, 4.0, 6.0])
    w, b = _fit(fit_linear_regression_gd, X, y, lr=0.1, n_iters=1)
    expected_w, expected_b = 28.0 / 15.0, 0.8
    if np.isclose(w[0], expected_w / 2) and np.isclose(b, expected_b / 2):
        raise AssertionError(
            f"after one step got w={w}, b={b}, half of the expected [{expected_w:.6f}], "
            f"{expected_b}: a factor of 2 is missing; the gradient of mean((Xw + b - y)^2) is "
            "(2/n) X^T (Xw + b - y)"
        )
    if np.isclose(w[0], 3 * expected_w):
        raise AssertionError(
            f"after one step got w={w}, 3 times the expected [{expected_w:.6f}]: the gradient "
            "was summed over the 3 samples; divide by n"
        )
    assert np.isclose(w[0], expected_w, rtol=1e-9) and np.isclose(b, expected_b, rtol=1e-9), (
        f"after one step with lr=0.1 expected w=[{expected_w:.6f}], b={expected_b}, "
        f"got w={w}, b={b}"
    )


def test_zero_iterations_returns_zero_init(fit_linear_regression_gd):
    X = np.arange(12, dtype=float).reshape(4, 3)
    w, b = _fit(fit_linear_regression_gd, X, np.ones(4), lr=0.01, n_iters=0)
    np.testing.assert_array_equal(w, np.zeros(3), err_msg="with n_iters=0, w should stay at 0")
    assert b == 0.0, f"with n_iters=0, b should stay at 0, got {b}"


def test_output_shapes(fit_linear_regression_gd):
    X = np.random.default_rng(0).normal(size=(10, 4))
    w, b = fit_linear_regression_gd(X, np.arange(10.0), lr=0.01, n_iters=3)
    assert np.asarray(w).shape == (4,), f"expected w of shape (4,), got {np.asarray(w).shape}"
    assert np.asarray(b).size == 1, f"expected a scalar b, got shape {np.asarray(b).shape}"


def test_converges_to_an_exact_line(fit_linear_regression_gd):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    w, b = _fit(fit_linear_regression_gd, X, 2.0 * X[:, 0] + 1.0, lr=0.1, n_iters=2000)
    assert np.isclose(w[0], 2.0, atol=1e-6) and np.isclose(b, 1.0, atol=1e-6), (
        f"on y = 2x + 1 after 2000 steps with lr=0.1 expected w=[2], b=1, got w={w}, b={b}"
    )


def test_converges_to_least_squares_solution(fit_linear_regression_gd):
    rng = np.random.default_rng(8)
    X = rng.normal(size=(50, 3))
    y = X @ np.array([1.5, -2.0, 0.5]) + 3.0 + rng.normal(scale=0.1, size=50)
    A = np.column_stack([X, np.ones(50)])
    coef = np.linalg.solve(A.T @ A, A.T @ y)
    w, b = _fit(fit_linear_regression_gd, X, y, lr=0.05, n_iters=3000)
    np.testing.assert_allclose(np.append(w, b), coef, atol=1e-6,
                               err_msg="after 3000 steps (w, b) should match the least-squares "
                                       "solution")


def test_step_size_does_not_grow_with_n(fit_linear_regression_gd):
    rng = np.random.default_rng(9)
    X = rng.normal(size=(400, 2))
    y = X @ np.array([1.0, -1.0]) + 0.5
    w, b = _fit(fit_linear_regression_gd, X, y, lr=0.05, n_iters=200)
    assert np.all(np.isfinite(w)) and np.isfinite(b), (
        f"with N=400 and lr=0.05 the parameters blew up to w={w}, b={b}: average the gradient "
        "over the samples (divide by n) so the step does not grow with N"
    )
    np.testing.assert_allclose(np.append(w, b), [1.0, -1.0, 0.5], atol=1e-4,
                               err_msg="after 200 steps (w, b) should be close to (1, -1), 0.5")


def test_matches_slow_reference(fit_linear_regression_gd):
    rng = np.random.default_rng(6)
    X = rng.normal(size=(8, 3))
    y = rng.normal(size=8)
    w, b = _fit(fit_linear_regression_gd, X, y, lr=0.05, n_iters=25)
    ew, eb = _slow_fit(X, y, 0.05, 25)
    np.testing.assert_allclose(w, ew, rtol=1e-9, atol=1e-12,
                               err_msg="w after 25 steps does not match a step-by-step reference "
                                       "(MSE gradient, simultaneous update of w and b)")
    assert np.isclose(b, eb, rtol=1e-9, atol=1e-12), f"b should be {eb:.8f}, got {b:.8f}"


def test_inputs_are_not_modified(fit_linear_regression_gd):
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 0.5]])
    y = np.array([1.0, 2.0, 3.0])
    before_x, before_y = X.copy(), y.copy()
    fit_linear_regression_gd(X, y, lr=0.01, n_iters=5)
    np.testing.assert_array_equal(X, before_x, err_msg="X must not be changed")
    np.testing.assert_array_equal(y, before_y, err_msg="y must not be changed")
