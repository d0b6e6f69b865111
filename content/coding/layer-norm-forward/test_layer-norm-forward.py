"""Hidden tests for layer-norm-forward. Each test receives the candidate's `layer_norm`."""

import numpy as np


def test_known_values(layer_norm):
    out = np.asarray(layer_norm(np.array([[1.0, 2.0, 3.0]]), np.ones(3), np.zeros(3)))
    # mean 2, population variance 2/3
    expected = np.array([[-1.0, 0.0, 1.0]]) / np.sqrt(2.0 / 3.0 + 1e-5)
    np.testing.assert_allclose(out, expected, rtol=1e-6,
                               err_msg="layer_norm([[1, 2, 3]]) with gamma=1, beta=0 is wrong")


def test_population_variance(layer_norm):
    out = np.asarray(layer_norm(np.array([[0.0, 2.0]]), np.ones(2), np.zeros(2), eps=0.0))
    hint = ""
    if np.allclose(np.abs(out), np.sqrt(0.5), rtol=1e-6):
        hint = ": use the population variance (divide by D), not the sample variance (D - 1)"
    assert np.allclose(out, [[-1.0, 1.0]], rtol=1e-9), (
        f"x=[[0, 2]] with eps=0 should give [[-1, 1]], got {out.tolist()}{hint}")


def test_each_row_normalised_over_last_axis(layer_norm):
    x = np.array([[1.0, 2.0, 3.0, 4.0], [100.0, 300.0, 200.0, 400.0], [-5.0, 0.0, 5.0, 20.0]])
    out = np.asarray(layer_norm(x, np.ones(4), np.zeros(4), eps=0.0))
    assert out.shape == (3, 4), f"expected shape (3, 4), got {out.shape}"
    means, variances = out.mean(axis=-1), out.var(axis=-1)
    assert np.allclose(means, 0.0, atol=1e-9), (
        f"each row should have mean 0, got means {means.round(4).tolist()}: normalise over the "
        "last axis (the features of one example), not over the batch")
    assert np.allclose(variances, 1.0, rtol=1e-9), (
        f"each row should have population variance 1, got {variances.round(4).tolist()}: "
        "divide by sqrt of the population variance (sum of squares / D)")


def test_single_row_is_normalised(layer_norm):
    out = np.asarray(layer_norm(np.array([[3.0, 7.0]]), np.ones(2), np.zeros(2), eps=0.0))
    assert np.allclose(out, [[-1.0, 1.0]], rtol=1e-9), (
        f"a batch of one row [[3, 7]] should give [[-1, 1]], got {out.tolist()}: layer norm "
        "uses the statistics of each row over its last axis, so it works for batch size 1")


def test_gamma_and_beta_are_applied_per_feature(layer_norm):
    x = np.array([[0.0, 2.0], [10.0, 30.0]])
    out = np.asarray(layer_norm(x, np.array([2.0, 1.0]), np.array([0.5, -1.0]), eps=0.0))
    expected = np.array([[-1.5, 0.0], [-1.5, 0.0]])
    np.testing.assert_allclose(out, expected, rtol=1e-9, atol=1e-12,
                               err_msg="out should be gamma * x_hat + beta, feature by feature")


def test_eps_goes_inside_the_square_root(layer_norm):
    out = np.asarray(layer_norm(np.array([[0.0, 2.0]]), np.ones(2), np.zeros(2), eps=1.0))
    expected = np.array([[-1.0, 1.0]]) / np.sqrt(2.0)
    assert np.allclose(out, expected, rtol=1e-9), (
        f"with variance 1 and eps=1 expected {expected.tolist()}, got {out.tolist()}: "
        "divide by sqrt(var + eps)")


def test_constant_row_gives_beta(layer_norm):
    beta = np.array([1.0, 2.0, 3.0])
    out = np.asarray(layer_norm(np.array([[4.0, 4.0, 4.0]]), np.ones(3), beta))
    assert np.all(np.isfinite(out)), "a constant row gave inf or nan: add eps inside the square root"
    np.testing.assert_allclose(out, [beta], atol=1e-12, err_msg="a constant row should map to beta")


def test_three_dimensional_input(layer_norm):
    x = np.arange(24, dtype=float).reshape(2, 3, 4) ** 1.5
    out = np.asarray(layer_norm(x, np.ones(4), np.zeros(4), eps=0.0))
    assert out.shape == (2, 3, 4), f"expected shape (2, 3, 4), got {out.shape}"
    np.testing.assert_allclose(out.mean(axis=-1), np.zeros((2, 3)), atol=1e-9,
                               err_msg="each (batch, position) vector should have mean 0 over the last axis")


def test_input_is_not_modified(layer_norm):
    x = np.array([[3.0, 1.0, 0.5], [2.0, 2.5, -1.0]])
    gamma, beta = np.array([1.0, 2.0, 3.0]), np.array([0.1, 0.2, 0.3])
    copies = x.copy(), gamma.copy(), beta.copy()
    layer_norm(x, gamma, beta)
    for name, arr, before in zip(("x", "gamma", "beta"), (x, gamma, beta), copies):
        np.testing.assert_array_equal(arr, before, err_msg=f"layer_norm must not change {name}")


def test_random_against_loop(layer_norm):
    rng = np.random.default_rng(7)
    x = rng.normal(3.0, 5.0, size=(6, 5))
    gamma, beta = rng.normal(size=5), rng.normal(size=5)
    expected = np.empty_like(x)
    for i, row in enumerate(x):
        mu = sum(row) / len(row)
        var = sum((v - mu) ** 2 for v in row) / len(row)
        expected[i] = [g * (v - mu) / (var + 1e-3) ** 0.5 + b for v, g, b in zip(row, gamma, beta)]
    out = np.asarray(layer_norm(x, gamma, beta, eps=1e-3))
    np.testing.assert_allclose(out, expected, rtol=1e-9, atol=1e-12,
                               err_msg="random (6, 5) input differs from a row-by-row computation")
