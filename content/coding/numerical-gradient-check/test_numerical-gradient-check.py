"""Hidden tests for numerical-gradient-check. Each test receives the candidate's `gradient_check`."""

import numpy as np

REL_MSG = "the relative error is ||num - claimed|| / max(||num|| + ||claimed||, 1e-12)"


def _check(fn, A, b, w, claimed, h=1e-5):
    num, rel = fn(np.asarray(A, dtype=float), np.asarray(b, dtype=float), np.asarray(w, dtype=float),
                  np.asarray(claimed, dtype=float), h)
    return np.asarray(num, dtype=float), float(np.asarray(rel))


def test_identity_quadratic(gradient_check):
    num, rel = _check(gradient_check, np.eye(2), [0.0, 0.0], [1.0, 2.0], [1.0, 2.0])
    np.testing.assert_allclose(num, [1.0, 2.0], rtol=1e-8,
                               err_msg="for f(w) = 0.5 ||w||^2 the numerical gradient at [1, 2] should be [1, 2]")
    assert rel < 1e-8, f"a correct claimed gradient should give a relative error near 0, got {rel}"


def test_shapes(gradient_check):
    rng = np.random.default_rng(0)
    num, rel = gradient_check(rng.normal(size=(5, 5)), rng.normal(size=5), rng.normal(size=5), np.zeros(5), 1e-5)
    assert np.asarray(num).shape == (5,), f"expected a numerical gradient of shape (5,), got {np.asarray(num).shape}"
    assert np.asarray(rel).size == 1, f"the relative error must be a single number, got shape {np.asarray(rel).shape}"


def test_non_symmetric_matrix(gradient_check):
    A = np.array([[1.0, 4.0], [0.0, 2.0]])
    b, w = np.array([1.0, -1.0]), np.array([1.0, 1.0])
    true = 0.5 * (A + A.T) @ w + b          # [4, 3]
    wrong = A @ w + b                      # [6, 1]: a common but wrong analytic gradient
    num, rel = _check(gradient_check, A, b, w, wrong)
    np.testing.assert_allclose(num, true, rtol=1e-7,
                               err_msg="the numerical gradient of 0.5 w^T A w + b^T w for a non-symmetric A should be 0.5 (A + A^T) w + b")
    expected = np.linalg.norm(true - wrong) / (np.linalg.norm(true) + np.linalg.norm(wrong))
    assert np.isclose(rel, expected, rtol=1e-6), (
        f"claimed A w + b against the true [4, 3] should give a relative error of {expected:.6f}, got {rel}: {REL_MSG}")


def test_central_difference_is_exact_for_a_quadratic(gradient_check):
    A, b, w = np.diag([2.0, 4.0]), np.array([1.0, -1.0]), np.array([1.0, 1.0])
    num, _ = _check(gradient_check, A, b, w, [3.0, 3.0], h=0.1)
    hint = ""
    if np.allclose(num, [3.1, 3.2], atol=1e-6):
        hint = ": that is the forward difference, use the central difference (f(w + h e_i) - f(w - h e_i)) / (2h)"
    assert np.allclose(num, [3.0, 3.0], rtol=1e-9), (
        f"with h=0.1 the central difference of a quadratic is exact, expected [3, 3], got {num.tolist()}{hint}")


def test_relative_error_formula(gradient_check):
    A, b, w = np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([0.5, 0.0]), np.array([1.0, -2.0])
    true = A @ w + b
    _, rel = _check(gradient_check, A, b, w, 2.0 * true)
    hint = f": {REL_MSG}" if abs(rel - 1.0 / 3.0) > 1e-3 else ""
    assert np.isclose(rel, 1.0 / 3.0, rtol=1e-6), (
        f"a claimed gradient twice the true one should give ||g|| / (||g|| + 2||g||) = 1/3, got {rel}{hint}")


def test_both_gradients_zero(gradient_check):
    num, rel = _check(gradient_check, np.eye(3), np.zeros(3), np.zeros(3), np.zeros(3))
    np.testing.assert_allclose(num, np.zeros(3), atol=1e-12, err_msg="at w = 0 with b = 0 the gradient is 0")
    assert np.isfinite(rel), f"when both gradients are zero the relative error must be 0, got {rel}: {REL_MSG}"
    assert rel == 0.0, f"when both gradients are zero the relative error must be 0, got {rel}"


def test_inputs_are_not_modified(gradient_check):
    rng = np.random.default_rng(1)
    A, b, w, claimed = rng.normal(size=(4, 4)), rng.normal(size=4), rng.normal(size=4), rng.normal(size=4)
    copies = [a.copy() for a in (A, b, w, claimed)]
    gradient_check(A, b, w, claimed, 1e-3)
    for name, arr, before in zip(("A", "b", "w", "claimed_grad"), (A, b, w, claimed), copies):
        np.testing.assert_allclose(arr, before, rtol=0, atol=1e-14,
                                   err_msg=f"gradient_check must not change {name}: perturb a copy of w")


def test_random_against_loop(gradient_check):
    rng = np.random.default_rng(2)
    D, h = 6, 1e-4
    A, b, w = rng.normal(size=(D, D)), rng.normal(size=D), rng.normal(size=D)
    claimed = A @ w + b  # wrong unless A is symmetric

    def f(v):
        return 0.5 * sum(v[i] * A[i, j] * v[j] for i in range(D) for j in range(D)) + sum(b[i] * v[i] for i in range(D))

    expected = []
    for i in range(D):
        plus, minus = w.copy(), w.copy()
        plus[i] += h
        minus[i] -= h
        expected.append((f(plus) - f(minus)) / (2 * h))
    expected = np.array(expected)
    exp_rel = np.linalg.norm(expected - claimed) / (np.linalg.norm(expected) + np.linalg.norm(claimed))
    num, rel = _check(gradient_check, A, b, w, claimed, h)
    np.testing.assert_allclose(num, expected, rtol=1e-7, atol=1e-9,
                               err_msg="random (6, 6) case: numerical gradient differs from a loop of central differences")
    assert np.isclose(rel, exp_rel, rtol=1e-6), f"random case: expected relative error {exp_rel:.6f}, got {rel}: {REL_MSG}"
