"""Hidden tests for binary-cross-entropy.

Each test receives the candidate's `binary_cross_entropy`.
"""

import math

import numpy as np


def _value(out):
    return float(np.asarray(out))


def test_known_value(binary_cross_entropy):
    out = _value(binary_cross_entropy(np.array([1, 0, 1]), np.array([0.9, 0.2, 0.6])))
    assert np.isclose(out, 0.27977656, rtol=1e-6), (
        f"labels [1, 0, 1] with probabilities [0.9, 0.2, 0.6] should give 0.279777, got {out}"
    )


def test_coin_flip_gives_log_two(binary_cross_entropy):
    out = _value(binary_cross_entropy(np.array([1, 0, 1, 0]), np.full(4, 0.5)))
    assert np.isclose(out, math.log(2), rtol=1e-9), (
        f"p = 0.5 everywhere should give ln(2) = 0.693147, got {out} (use the natural log)"
    )


def test_perfect_predictions_are_finite_and_near_zero(binary_cross_entropy):
    out = _value(binary_cross_entropy(np.array([1, 0]), np.array([1.0, 0.0])))
    assert np.isfinite(out), (
        f"perfect predictions p=1 and p=0 gave {out}: 0 * log(0) is nan in floating point, "
        "clip probabilities to [eps, 1 - eps] before the logs"
    )
    assert 0.0 <= out < 1e-9, f"perfect predictions should cost about 0, got {out}"


def test_zero_probability_for_a_positive(binary_cross_entropy):
    out = _value(binary_cross_entropy(np.array([1]), np.array([0.0])))
    assert np.isfinite(out), (
        f"p=0 with label 1 gave {out}: clip probabilities to [eps, 1 - eps] before the log"
    )
    assert np.isclose(out, -math.log(1e-12), rtol=1e-6), (
        f"p=0 with label 1 should cost -ln(1e-12) = 27.631021 after clipping, got {out}"
    )


def test_one_probability_for_a_negative(binary_cross_entropy):
    out = _value(binary_cross_entropy(np.array([0]), np.array([1.0])))
    assert np.isfinite(out), (
        f"p=1 with label 0 gave {out}: log(1 - p) = log(0); clip the upper end to 1 - eps "
        "as well, not only the lower end"
    )
    assert np.isclose(out, -math.log(1e-12), rtol=1e-4), (
        f"p=1 with label 0 should cost about -ln(1e-12) = 27.631 after clipping, got {out}"
    )


def test_eps_argument_is_used(binary_cross_entropy):
    out = _value(binary_cross_entropy(np.array([1]), np.array([0.0]), eps=1e-7))
    assert np.isclose(out, -math.log(1e-7), rtol=1e-6), (
        f"with eps=1e-7, p=0 and label 1 should cost -ln(1e-7) = 16.118096, got {out} "
        "(clip with the eps argument, not a hard-coded constant)"
    )


def test_returns_mean_not_sum(binary_cross_entropy):
    one = _value(binary_cross_entropy(np.array([1]), np.array([0.8])))
    many = _value(binary_cross_entropy(np.ones(6), np.full(6, 0.8)))
    assert np.isclose(one, many, rtol=1e-9), (
        f"six copies of a sample should give the same loss as one: got {many} vs {one} "
        "(return the mean, not the sum)"
    )


def test_inputs_are_not_modified(binary_cross_entropy):
    y = np.array([1.0, 0.0, 1.0])
    p = np.array([1.0, 0.0, 0.3])
    before_y, before_p = y.copy(), p.copy()
    binary_cross_entropy(y, p)
    np.testing.assert_array_equal(p, before_p,
                                  err_msg="y_prob was changed: clip into a new array")
    np.testing.assert_array_equal(y, before_y, err_msg="y_true must not be changed")


def test_random_batch_matches_slow_formula(binary_cross_entropy):
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, size=30)
    p = rng.uniform(0.01, 0.99, size=30)
    terms = [math.log(pi) if yi == 1 else math.log(1 - pi) for yi, pi in zip(y, p, strict=True)]
    expected = -sum(terms) / 30
    out = _value(binary_cross_entropy(y, p))
    assert np.isclose(out, expected, rtol=1e-9), (
        f"random batch: expected {expected:.8f}, got {out:.8f}"
    )
