"""Hidden tests for batch-norm-inference. Each test receives the candidate's `batch_norm_inference`."""

import numpy as np


def test_known_values(batch_norm_inference):
    x = np.array([[3.0, 0.0], [5.0, 4.0]])
    out = np.asarray(batch_norm_inference(x, np.ones(2), np.zeros(2), np.array([1.0, 2.0]),
                                          np.array([4.0, 1.0]), eps=0.0))
    # (x - [1, 2]) / [2, 1]
    np.testing.assert_allclose(out, [[1.0, -2.0], [2.0, 2.0]], rtol=1e-9,
                               err_msg="(x - running_mean) / sqrt(running_var) is wrong for a small example")


def test_shape(batch_norm_inference):
    x = np.arange(12.0).reshape(4, 3)
    out = np.asarray(batch_norm_inference(x, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3)))
    assert out.shape == (4, 3), f"expected shape (4, 3), got {out.shape}"


def test_divides_by_standard_deviation(batch_norm_inference):
    out = np.asarray(batch_norm_inference(np.array([[9.0]]), np.ones(1), np.zeros(1),
                                          np.array([1.0]), np.array([16.0]), eps=0.0))
    hint = ""
    if np.allclose(out, [[0.5]]):
        hint = ": divide by the standard deviation sqrt(var + eps), not by the variance"
    assert np.allclose(out, [[2.0]], rtol=1e-9), (
        f"x=9, running mean 1, running var 16 should give (9 - 1) / 4 = 2, "
        f"got {out.ravel().tolist()}{hint}")


def test_uses_running_statistics_for_a_single_example(batch_norm_inference):
    out = np.asarray(batch_norm_inference(np.array([[4.0, -1.0]]), np.ones(2), np.zeros(2),
                                          np.array([2.0, 1.0]), np.array([1.0, 4.0]), eps=0.0))
    hint = ""
    if not np.all(np.isfinite(out)) or np.allclose(out, 0.0):
        hint = (": at inference normalise with the given running statistics, not with the "
                "batch's own mean and variance")
    assert np.allclose(out, [[2.0, -1.0]], rtol=1e-9), (
        f"a single example [[4, -1]] should give [[2, -1]], got {out.tolist()}{hint}")


def test_examples_are_independent_of_the_batch(batch_norm_inference):
    args = (np.array([0.5, 2.0]), np.array([0.1, -0.3]), np.array([1.0, 3.0]), np.array([2.0, 0.5]))
    alone = np.asarray(batch_norm_inference(np.array([[1.0, 2.0]]), *args))
    batch = np.asarray(batch_norm_inference(np.array([[1.0, 2.0], [50.0, -70.0], [8.0, 9.0]]), *args))
    assert np.allclose(batch[0], alone[0], rtol=1e-12), (
        f"the output for [1, 2] changed from {alone[0].tolist()} to {batch[0].tolist()} when other "
        "examples were added: use the running statistics, not statistics of the batch")


def test_gamma_beta_and_eps(batch_norm_inference):
    out = np.asarray(batch_norm_inference(np.array([[2.0, 2.0]]), np.array([3.0, -1.0]),
                                          np.array([1.0, 0.5]), np.array([0.0, 1.0]),
                                          np.array([3.0, 0.0]), eps=1.0))
    # feature 0: 3 * 2 / 2 + 1 = 4;  feature 1: -1 * 1 / 1 + 0.5 = -0.5
    np.testing.assert_allclose(out, [[4.0, -0.5]], rtol=1e-9,
                               err_msg="gamma * (x - mean) / sqrt(var + eps) + beta is wrong")


def test_zero_running_variance_is_finite(batch_norm_inference):
    out = np.asarray(batch_norm_inference(np.array([[1.0], [3.0]]), np.ones(1), np.zeros(1),
                                          np.array([1.0]), np.array([0.0]), eps=1e-4))
    assert np.all(np.isfinite(out)), "a zero running variance gave inf or nan: add eps inside the square root"
    np.testing.assert_allclose(out.ravel(), [0.0, 200.0], rtol=1e-9,
                               err_msg="with var 0 and eps 1e-4 the scale is 1 / sqrt(1e-4) = 100")


def test_inputs_are_not_modified(batch_norm_inference):
    arrays = [np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.5, 0.5]), np.array([0.1, 0.2]),
              np.array([0.3, -0.2]), np.array([1.2, 0.8])]
    copies = [a.copy() for a in arrays]
    batch_norm_inference(*arrays)
    for name, arr, before in zip(("x", "gamma", "beta", "running_mean", "running_var"), arrays, copies):
        np.testing.assert_array_equal(arr, before, err_msg=f"batch_norm_inference must not change {name}")


def test_random_against_loop(batch_norm_inference):
    rng = np.random.default_rng(11)
    x = rng.normal(size=(7, 3))
    gamma, beta, rm = rng.normal(size=3), rng.normal(size=3), rng.normal(size=3)
    rv = rng.uniform(0.1, 3.0, size=3)
    expected = np.empty_like(x)
    for i in range(7):
        for j in range(3):
            expected[i, j] = gamma[j] * (x[i, j] - rm[j]) / (rv[j] + 1e-5) ** 0.5 + beta[j]
    out = np.asarray(batch_norm_inference(x, gamma, beta, rm, rv))
    np.testing.assert_allclose(out, expected, rtol=1e-9, atol=1e-12,
                               err_msg="random (7, 3) input differs from an element-by-element computation")
