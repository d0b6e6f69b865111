"""Hidden tests for batch-norm-forward. Each test receives the candidate's `batch_norm_forward`."""

import numpy as np


def _call(fn, x, gamma=None, beta=None, rm=None, rv=None, **kw):
    d = x.shape[1]
    gamma = np.ones(d) if gamma is None else gamma
    beta = np.zeros(d) if beta is None else beta
    rm = np.zeros(d) if rm is None else rm
    rv = np.ones(d) if rv is None else rv
    out, new_mean, new_var = fn(x, gamma, beta, rm, rv, **kw)
    return np.asarray(out), np.asarray(new_mean), np.asarray(new_var)


def test_known_values(batch_norm_forward):
    x = np.array([[1.0, 2.0], [3.0, 6.0]])  # column means [2, 4], biased variances [1, 4]
    out, new_mean, new_var = _call(batch_norm_forward, x, eps=0.0)
    np.testing.assert_allclose(out, [[-1.0, -1.0], [1.0, 1.0]], rtol=1e-9,
                               err_msg="normalised output for x=[[1, 2], [3, 6]] is wrong")
    np.testing.assert_allclose(new_mean, [0.2, 0.4], rtol=1e-9,
                               err_msg="running mean from 0 with momentum 0.1 should be 0.1 * batch mean")
    np.testing.assert_allclose(new_var, [1.1, 1.7], rtol=1e-9,
                               err_msg="running var from 1 should be 0.9 * 1 + 0.1 * unbiased batch variance [2, 8]")


def test_shapes(batch_norm_forward):
    out, new_mean, new_var = _call(batch_norm_forward, np.arange(15.0).reshape(5, 3) ** 2)
    assert out.shape == (5, 3), f"expected out shape (5, 3), got {out.shape}"
    assert new_mean.shape == (3,), f"expected running mean shape (3,), got {new_mean.shape}"
    assert new_var.shape == (3,), f"expected running var shape (3,), got {new_var.shape}"


def test_normalises_each_feature_over_the_batch(batch_norm_forward):
    x = np.array([[1.0, 100.0, -3.0], [2.0, 300.0, 0.0], [4.0, 200.0, 9.0], [9.0, 500.0, 2.0]])
    out, _, _ = _call(batch_norm_forward, x, eps=0.0)
    means, stds = out.mean(axis=0), out.std(axis=0)
    assert np.allclose(means, 0.0, atol=1e-9), (
        f"each feature (column) should have mean 0 over the batch, got {means.round(4).tolist()}: "
        "batch norm averages over axis 0")
    assert np.allclose(stds, 1.0, rtol=1e-9), (
        f"each column should have population std 1, got {stds.round(4).tolist()}: normalise with "
        "the biased batch variance (divide by N)")


def test_gamma_and_beta(batch_norm_forward):
    x = np.random.default_rng(1).normal(5.0, 3.0, size=(50, 3))
    gamma, beta = np.array([2.0, 0.5, 1.0]), np.array([-1.0, 0.0, 3.0])
    out, _, _ = _call(batch_norm_forward, x, gamma, beta, eps=0.0)
    np.testing.assert_allclose(out.mean(axis=0), beta, atol=1e-9,
                               err_msg="column means of the output should equal beta")
    np.testing.assert_allclose(out.std(axis=0), gamma, rtol=1e-9,
                               err_msg="column (population) stds of the output should equal gamma")


def test_running_mean_momentum_convention(batch_norm_forward):
    x = np.array([[-1.0], [1.0]])  # batch mean 0
    _, new_mean, _ = _call(batch_norm_forward, x, rm=np.array([10.0]), momentum=0.1)
    hint = ""
    if np.allclose(new_mean, [1.0]):
        hint = ": the momentum weights are swapped, momentum multiplies the batch statistic"
    assert np.allclose(new_mean, [9.0], rtol=1e-9), (
        f"running mean 10, batch mean 0, momentum 0.1 should give 9.0, got {new_mean.tolist()}: "
        f"new = (1 - momentum) * running + momentum * batch{hint}")


def test_running_var_uses_unbiased_variance(batch_norm_forward):
    x = np.array([[0.0], [2.0], [4.0], [6.0]])  # biased variance 5, unbiased 20/3
    _, _, new_var = _call(batch_norm_forward, x, rv=np.array([0.0]), momentum=1.0)
    hint = ""
    if np.allclose(new_var, [5.0]):
        hint = ": the running variance must use the unbiased batch variance (divide by N - 1)"
    assert np.allclose(new_var, [20.0 / 3.0], rtol=1e-9), (
        f"with momentum=1 the running variance should equal the unbiased batch variance 6.667, "
        f"got {new_var.tolist()}{hint}")


def test_constant_feature_gives_beta(batch_norm_forward):
    x = np.array([[2.0, 1.0], [2.0, 3.0], [2.0, 5.0]])
    out, _, _ = _call(batch_norm_forward, x, beta=np.array([0.7, 0.0]))
    assert np.all(np.isfinite(out)), "a constant feature gave inf or nan: add eps inside the square root"
    np.testing.assert_allclose(out[:, 0], [0.7, 0.7, 0.7], atol=1e-12,
                               err_msg="a constant feature should map to beta")


def test_inputs_are_not_modified(batch_norm_forward):
    x = np.array([[1.0, 2.0], [3.0, 7.0], [0.0, -1.0]])
    gamma, beta = np.array([1.5, 0.5]), np.array([0.1, 0.2])
    rm, rv = np.array([0.3, -0.2]), np.array([1.2, 0.8])
    copies = [a.copy() for a in (x, gamma, beta, rm, rv)]
    batch_norm_forward(x, gamma, beta, rm, rv)
    for name, arr, before in zip(("x", "gamma", "beta", "running_mean", "running_var"),
                                 (x, gamma, beta, rm, rv), copies):
        np.testing.assert_array_equal(arr, before, err_msg=(
            f"batch_norm_forward must not change {name} in place: return new running statistics"))


def test_random_against_loop(batch_norm_forward):
    rng = np.random.default_rng(3)
    x = rng.normal(2.0, 4.0, size=(8, 4))
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    rm, rv = rng.normal(size=4), rng.uniform(0.5, 2.0, size=4)
    momentum, eps = 0.2, 1e-3
    n = len(x)
    exp_out, exp_mean, exp_var = np.empty_like(x), np.empty(4), np.empty(4)
    for j in range(4):
        col = [x[i, j] for i in range(n)]
        mu = sum(col) / n
        ss = sum((v - mu) ** 2 for v in col)
        for i in range(n):
            exp_out[i, j] = gamma[j] * (col[i] - mu) / (ss / n + eps) ** 0.5 + beta[j]
        exp_mean[j] = (1 - momentum) * rm[j] + momentum * mu
        exp_var[j] = (1 - momentum) * rv[j] + momentum * ss / (n - 1)
    out, new_mean, new_var = _call(batch_norm_forward, x, gamma, beta, rm, rv,
                                   momentum=momentum, eps=eps)
    np.testing.assert_allclose(out, exp_out, rtol=1e-9, atol=1e-12,
                               err_msg="random (8, 4) output differs from a column-by-column computation")
    np.testing.assert_allclose(new_mean, exp_mean, rtol=1e-9, err_msg="random running mean is wrong")
    np.testing.assert_allclose(new_var, exp_var, rtol=1e-9, err_msg="random running variance is wrong")
