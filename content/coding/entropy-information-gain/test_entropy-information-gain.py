"""Hidden tests for entropy-information-gain.

Each test receives the candidate's `information_gain`.
"""

import math
from collections import Counter

import numpy as np


def _ig(information_gain, parent, left, right):
    out = information_gain(np.asarray(parent), np.asarray(left), np.asarray(right))
    return float(np.asarray(out))


def _slow_entropy(labels):
    n = len(labels)
    return -sum(c / n * math.log2(c / n) for c in Counter(labels).values()) if n else 0.0


def test_perfect_split_is_one_bit(information_gain):
    out = _ig(information_gain, [0, 0, 1, 1], [0, 0], [1, 1])
    if np.isclose(out, math.log(2)):
        raise AssertionError(f"got {out} = ln 2: entropy must be in bits, use log2")
    assert np.isclose(out, 1.0, rtol=1e-12), f"a perfect 50/50 split should gain 1 bit, got {out}"


def test_three_classes_by_hand(information_gain):
    out = _ig(information_gain, [0, 1, 2], [0], [1, 2])
    expected = math.log2(3) - 2 / 3
    assert np.isclose(out, expected, rtol=1e-12), (
        f"H(parent) = log2(3), right child weight 2/3 with H = 1: expected {expected:.6f}, "
        f"got {out}"
    )


def test_uneven_children_are_weighted(information_gain):
    parent = [1] * 9 + [0] * 5
    left, right = [1] * 6 + [0] * 2, [1] * 3 + [0] * 3
    out = _ig(information_gain, parent, left, right)
    expected = _slow_entropy(parent) - 8 / 14 * _slow_entropy(left) - 6 / 14 * _slow_entropy(right)
    if np.isclose(out, expected * math.log(2), rtol=1e-9):
        raise AssertionError(f"got {out:.6f}, the expected {expected:.6f} bits times ln 2: "
                             "that is nats, use log2")
    assert np.isclose(out, expected, rtol=1e-9), (
        f"9+/5- split into 6+/2- and 3+/3-: expected {expected:.6f}, got {out:.6f}; weight each "
        "child's entropy by its share of the parent's samples (8/14 and 6/14)"
    )


def test_useless_split_gains_nothing(information_gain):
    out = _ig(information_gain, [0, 1, 0, 1, 2, 2], [0, 1, 2], [0, 1, 2])
    assert np.isclose(out, 0.0, atol=1e-12), (
        f"children with the same class mix as the parent should gain 0, got {out}"
    )


def test_pure_parent_gains_nothing(information_gain):
    out = _ig(information_gain, [4, 4, 4], [4], [4, 4])
    assert np.isclose(out, 0.0, atol=1e-12), f"a pure parent cannot gain anything, got {out}"


def test_empty_child(information_gain):
    out = _ig(information_gain, [0, 1, 1], np.array([], dtype=int), [0, 1, 1])
    assert np.isfinite(out), f"an empty child gave {out}: its entropy is defined as 0"
    assert np.isclose(out, 0.0, atol=1e-12), (
        f"moving nothing to the left child changes nothing, so the gain should be 0, got {out}; "
        "the empty child has weight 0/3"
    )


def test_string_labels(information_gain):
    out = _ig(information_gain, np.array(["a", "b", "a", "b"]), np.array(["a", "a"]),
              np.array(["b", "b"]))
    assert np.isclose(out, 1.0, rtol=1e-12), f"string labels, perfect split: expected 1, got {out}"


def test_random_splits_match_slow_formula(information_gain):
    rng = np.random.default_rng(0)
    for _ in range(5):
        parent = rng.integers(0, 3, size=30)
        mask = rng.random(30) < 0.4
        left, right = parent[mask], parent[~mask]
        expected = (_slow_entropy(parent.tolist()) - len(left) / 30 * _slow_entropy(left.tolist())
                    - len(right) / 30 * _slow_entropy(right.tolist()))
        out = _ig(information_gain, parent, left, right)
        assert np.isclose(out, expected, rtol=1e-9, atol=1e-12), (
            f"random split: expected {expected:.8f}, got {out:.8f}"
        )
        assert out >= -1e-12, f"information gain can never be negative, got {out}"


def test_inputs_are_not_modified(information_gain):
    parent, left, right = np.array([1, 0, 1, 0]), np.array([1, 0]), np.array([1, 0])
    copies = parent.copy(), left.copy(), right.copy()
    information_gain(parent, left, right)
    for arr, before in zip((parent, left, right), copies, strict=True):
        np.testing.assert_array_equal(arr, before, err_msg="the label arrays must not be changed")
