"""Hidden tests for sigmoid-stable. Each test receives the candidate's `sigmoid`."""

import math

import numpy as np


def test_known_values(sigmoid):
    out = np.asarray(sigmoid(np.array([-2.0, 0.0, 2.0])))
    np.testing.assert_allclose(out, [0.11920292, 0.5, 0.88079708], rtol=1e-7,
                               err_msg="sigmoid([-2, 0, 2]) is wrong")


def test_shape_is_preserved(sigmoid):
    x = np.linspace(-5, 5, 24).reshape(2, 3, 4)
    out = np.asarray(sigmoid(x))
    assert out.shape == x.shape, f"expected shape {x.shape}, got {out.shape}"


def test_large_positive_gives_one(sigmoid):
    out = np.asarray(sigmoid(np.array([800.0, 1000.0])))
    assert np.all(np.isfinite(out)), (
        f"sigmoid([800, 1000]) gave {out}: exp(x) / (1 + exp(x)) is inf / inf for large "
        "positive x; use 1 / (1 + exp(-x)) when x >= 0"
    )
    np.testing.assert_allclose(out, [1.0, 1.0], rtol=1e-12,
                               err_msg="sigmoid of large positive inputs should be 1.0")


def test_large_negative_gives_zero_not_nan(sigmoid):
    out = np.asarray(sigmoid(np.array([-1000.0, -5000.0])))
    assert np.all(np.isfinite(out)), f"sigmoid([-1000, -5000]) gave {out}, expected [0, 0]"
    np.testing.assert_allclose(out, [0.0, 0.0], atol=1e-300,
                               err_msg="sigmoid of very negative inputs should be 0.0")


def test_negative_tail_keeps_relative_accuracy(sigmoid):
    x = np.array([-710.0, -720.0, -40.0])
    out = np.asarray(sigmoid(x))
    expected = np.exp(x)
    if out[0] == 0.0:
        raise AssertionError(
            "sigmoid(-710) returned 0.0, but the true value exp(-710) = 4.476e-309 is "
            "representable: exp(-x) overflowed to inf. For x < 0 use exp(x) / (1 + exp(x))"
        )
    np.testing.assert_allclose(out, expected, rtol=1e-6,
                               err_msg="for very negative x, sigmoid(x) should equal exp(x) "
                                       "to relative precision")


def test_symmetry(sigmoid):
    x = np.linspace(-30, 30, 61)
    a = np.asarray(sigmoid(x))
    b = np.asarray(sigmoid(-x))
    np.testing.assert_allclose(a + b, np.ones_like(x), rtol=1e-12,
                               err_msg="sigmoid(x) + sigmoid(-x) should be 1")


def test_integer_input_gives_floats(sigmoid):
    out = np.asarray(sigmoid(np.array([0, 1, -1])))
    assert np.issubdtype(out.dtype, np.floating), f"expected a float array, got dtype {out.dtype}"
    np.testing.assert_allclose(out, [0.5, 0.73105858, 0.26894142], rtol=1e-7,
                               err_msg="sigmoid of integers [0, 1, -1] is wrong")


def test_input_is_not_modified(sigmoid):
    x = np.array([-800.0, -3.0, 0.0, 4.0, 900.0])
    before = x.copy()
    sigmoid(x)
    np.testing.assert_array_equal(x, before,
                                  err_msg="sigmoid must not change its input (no in-place edits)")


def test_random_values_match_slow_formula(sigmoid):
    x = np.random.default_rng(11).uniform(-30, 30, size=50)
    expected = np.array([1.0 / (1.0 + math.exp(-v)) for v in x])
    out = np.asarray(sigmoid(x))
    np.testing.assert_allclose(out, expected, rtol=1e-12,
                               err_msg="random inputs in [-30, 30] do not match 1 / (1 + e^-x)")
