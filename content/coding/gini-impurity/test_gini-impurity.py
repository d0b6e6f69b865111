"""Hidden tests for gini-impurity. Each test receives the candidate's `gini_impurity`."""

from collections import Counter

import numpy as np


def _g(gini_impurity, labels):
    return float(np.asarray(gini_impurity(labels)))


def test_two_balanced_classes(gini_impurity):
    out = _g(gini_impurity, np.array([0, 0, 1, 1]))
    assert np.isclose(out, 0.5, rtol=1e-12), f"labels [0, 0, 1, 1] should give 0.5, got {out}"


def test_three_classes_by_hand(gini_impurity):
    out = _g(gini_impurity, np.array([0, 0, 1, 1, 1, 2]))
    assert np.isclose(out, 1 - 14 / 36, rtol=1e-12), (
        f"proportions 1/3, 1/2, 1/6 should give 1 - 14/36 = 0.611111, got {out}"
    )


def test_pure_node_is_zero(gini_impurity):
    out = _g(gini_impurity, np.array([3, 3, 3, 3]))
    assert np.isclose(out, 0.0, atol=1e-12), (
        f"a pure node should have impurity 0, got {out}: Gini is 1 - sum p_k^2, not sum p_k^2"
    )


def test_single_sample_is_zero(gini_impurity):
    out = _g(gini_impurity, np.array([5]))
    assert np.isclose(out, 0.0, atol=1e-12), f"one sample is pure: expected 0.0, got {out}"


def test_uniform_classes_reach_maximum(gini_impurity):
    out = _g(gini_impurity, np.repeat(np.arange(5), 3))
    assert np.isclose(out, 0.8, rtol=1e-12), (
        f"5 equally frequent classes should give 1 - 1/5 = 0.8, got {out}"
    )


def test_empty_array_is_zero(gini_impurity):
    out = _g(gini_impurity, np.array([], dtype=int))
    assert out == 0.0, (
        f"an empty array should have impurity 0.0 by convention, got {out}: handle N = 0 "
        "explicitly"
    )


def test_string_and_negative_labels(gini_impurity):
    out = _g(gini_impurity, np.array(["cat", "dog", "dog"]))
    assert np.isclose(out, 4 / 9, rtol=1e-12), f"['cat', 'dog', 'dog'] should give 4/9, got {out}"
    out = _g(gini_impurity, np.array([-5, -5, 1000]))
    assert np.isclose(out, 4 / 9, rtol=1e-12), (
        f"[-5, -5, 1000] should give 4/9, got {out}: only which labels are equal matters"
    )


def test_random_labels_match_slow_formula(gini_impurity):
    labels = np.random.default_rng(0).integers(0, 6, size=200)
    counts = Counter(labels.tolist())
    expected = 1.0 - sum((c / 200) ** 2 for c in counts.values())
    out = _g(gini_impurity, labels)
    assert np.isclose(out, expected, rtol=1e-12), f"random labels: expected {expected}, got {out}"


def test_input_is_not_modified(gini_impurity):
    labels = np.array([2, 0, 1, 1])
    before = labels.copy()
    gini_impurity(labels)
    np.testing.assert_array_equal(labels, before, err_msg="gini_impurity must not change its input "
                                                          "(do not sort it in place)")
