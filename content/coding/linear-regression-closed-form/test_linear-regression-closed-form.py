"""Hidden tests for linear-regression-closed-form.

Each test receives the candidate's `fit_linear_regression`.
"""

import numpy as np


def _fit(fit_linear_regression, X, y):
    w, b = fit_linear_regression(X, y)
    return np.asarray(w, dtype=float), float(np.asarray(b))


def test_recovers_an_exact_line(fit_linear_regression):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    w, b = _fit(fit_linear_regression, X, 2.0 * X[:, 0] + 1.0)
    np.testing.assert_allclose(w, [2.0], rtol=1e-9, err_msg="y = 2x + 1: expected w = [2]")
    assert np.isclose(b, 1.0, rtol=1e-9), (
        f"y = 2x + 1: expected b = 1, got {b} (fit the intercept with a column of ones)"
    )


def test_intercept_is_fitted(fit_linear_regression):
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    w, b = _fit(fit_linear_regression, X, np.array([10.5, 11.0, 11.5, 12.0]))
    if b == 0.0:
        raise AssertionError("y = 0.5x + 10: expected b = 10, got 0: add a column of ones to X "
                             "so the intercept is fitted, rather than forcing the line through "
                             "the origin")
    assert np.isclose(b, 10.0, rtol=1e-9), f"y = 0.5x + 10: expected b = 10, got {b}"
    np.testing.assert_allclose(w, [0.5], rtol=1e-9, err_msg="y = 0.5x + 10: expected w = [0.5]")


def test_recovers_several_weights(fit_linear_regression):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [0.5, 3.0]])
    y = X @ np.array([2.0, -3.0]) + 0.5
    w, b = _fit(fit_linear_regression, X, y)
    ok = np.allclose(w, [2.0, -3.0], rtol=1e-9) and np.isclose(b, 0.5, rtol=1e-9)
    assert ok, (
        f"y = 2*x1 - 3*x2 + 0.5: expected w = [2, -3], b = 0.5, got w = {w}, b = {b} "
        "(check which coefficient belongs to the column of ones)"
    )


def test_output_shapes(fit_linear_regression):
    X = np.random.default_rng(1).normal(size=(9, 4))
    w, b = fit_linear_regression(X, np.arange(9.0))
    assert np.asarray(w).shape == (4,), f"expected w of shape (4,), got {np.asarray(w).shape}"
    assert np.asarray(b).size == 1, f"expected a scalar b, got shape {np.asarray(b).shape}"


def test_constant_target(fit_linear_regression):
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 0.5], [2.0, 2.0]])
    w, b = _fit(fit_linear_regression, X, np.full(4, 7.0))
    np.testing.assert_allclose(w, [0.0, 0.0], atol=1e-9,
                               err_msg="a constant target should give zero weights")
    assert np.isclose(b, 7.0, rtol=1e-9), f"a constant target 7 should give b = 7, got {b}"


def test_residuals_are_orthogonal(fit_linear_regression):
    rng = np.random.default_rng(2)
    X = rng.normal(loc=3.0, size=(40, 3))
    y = rng.normal(size=40) + X @ np.array([1.0, 0.0, -2.0])
    w, b = _fit(fit_linear_regression, X, y)
    r = X @ w + b - y
    assert abs(r.sum()) < 1e-8, (
        f"least-squares residuals with an intercept should sum to 0, got {r.sum():.3g}"
    )
    np.testing.assert_allclose(X.T @ r, np.zeros(3), atol=1e-8,
                               err_msg="residuals should be orthogonal to every feature column")


def test_random_data_matches_normal_equations(fit_linear_regression):
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 3))
    y = X @ np.array([0.7, -1.2, 2.0]) - 4.0 + rng.normal(scale=0.3, size=30)
    A = np.column_stack([X, np.ones(30)])
    expected = np.linalg.solve(A.T @ A, A.T @ y)
    w, b = _fit(fit_linear_regression, X, y)
    np.testing.assert_allclose(w, expected[:3], rtol=1e-8,
                               err_msg="w does not match the least-squares solution")
    assert np.isclose(b, expected[3], rtol=1e-8), f"b should be {expected[3]:.6f}, got {b:.6f}"


def test_inputs_are_not_modified(fit_linear_regression):
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 0.5], [2.0, 2.0]])
    y = np.array([1.0, 2.0, 3.0, 4.0])
    before_x, before_y = X.copy(), y.copy()
    fit_linear_regression(X, y)
    np.testing.assert_array_equal(X, before_x, err_msg="X must not be changed")
    np.testing.assert_array_equal(y, before_y, err_msg="y must not be changed")
