"""Hidden tests for confusion-matrix. Each test receives the candidate's `confusion_matrix`."""

import numpy as np


def _cm(confusion_matrix, t, p, k):
    return np.asarray(confusion_matrix(np.asarray(t, dtype=int), np.asarray(p, dtype=int), k))


def test_three_classes_by_hand(confusion_matrix):
    out = _cm(confusion_matrix, [0, 1, 2, 2, 1, 0], [0, 2, 2, 1, 1, 0], 3)
    np.testing.assert_array_equal(out, [[2, 0, 0], [0, 1, 1], [0, 1, 1]],
                                  err_msg="confusion matrix of the 3-class example is wrong")


def test_rows_are_true_columns_are_predicted(confusion_matrix):
    out = _cm(confusion_matrix, [1, 1, 1, 2], [0, 0, 1, 0], 3)
    expected = np.array([[0, 0, 0], [2, 1, 0], [1, 0, 0]])
    if np.array_equal(out, expected.T):
        raise AssertionError("got the transpose of the expected matrix: rows are true classes "
                             "and columns are predicted classes, so C[1, 0] counts true 1 "
                             "predicted as 0")
    np.testing.assert_array_equal(out, expected, err_msg="rows are true classes, columns predicted")


def test_repeated_pairs_are_all_counted(confusion_matrix):
    out = _cm(confusion_matrix, [2, 2, 2, 2], [0, 0, 0, 2], 3)
    if out[2, 0] == 1:
        raise AssertionError("the pair (true=2, pred=0) occurs 3 times but C[2, 0] = 1: "
                             "C[t, p] += 1 counts repeated index pairs only once; use np.add.at "
                             "or np.bincount")
    assert out[2, 0] == 3, (
        f"C[2, 0] (true 2 predicted as 0) should be 3, got {out[2, 0]}; rows are true classes"
    )
    assert out[2, 2] == 1, f"C[2, 2] should be 1, got {out[2, 2]}"


def test_shape_includes_absent_classes(confusion_matrix):
    out = _cm(confusion_matrix, [0, 1], [1, 1], 5)
    assert out.shape == (5, 5), f"num_classes=5 should give shape (5, 5), got {out.shape}"


def test_integer_counts_and_total(confusion_matrix):
    rng = np.random.default_rng(0)
    t, p = rng.integers(0, 4, 50), rng.integers(0, 4, 50)
    out = _cm(confusion_matrix, t, p, 4)
    assert np.issubdtype(out.dtype, np.integer), f"counts should be integers, got dtype {out.dtype}"
    assert out.sum() == 50, (f"the counts should add up to the 50 samples, got {out.sum()} "
                             "(is every sample counted, including repeated pairs?)")
    assert np.trace(out) == np.sum(t == p), (
        f"the diagonal should hold the {np.sum(t == p)} correct predictions, got {np.trace(out)}"
    )


def test_perfect_predictions_are_diagonal(confusion_matrix):
    y = np.array([0, 0, 1, 2, 2, 2])
    out = _cm(confusion_matrix, y, y, 3)
    np.testing.assert_array_equal(out, np.diag([2, 1, 3]),
                                  err_msg="perfect predictions should give diag(class counts)")


def test_empty_input(confusion_matrix):
    out = _cm(confusion_matrix, [], [], 2)
    assert out.shape == (2, 2), f"no samples, num_classes=2: expected shape (2, 2), got {out.shape}"
    assert out.sum() == 0, f"no samples should give all zeros, got {out.tolist()}"


def test_random_matches_slow_loop(confusion_matrix):
    rng = np.random.default_rng(1)
    t, p = rng.integers(0, 5, 200), rng.integers(0, 5, 200)
    expected = np.zeros((5, 5), dtype=int)
    for ti, pi in zip(t, p, strict=True):
        expected[ti, pi] += 1
    np.testing.assert_array_equal(_cm(confusion_matrix, t, p, 5), expected,
                                  err_msg="random labels: counts differ from a loop over samples")


def test_inputs_are_not_modified(confusion_matrix):
    t, p = np.array([0, 1, 1]), np.array([1, 1, 0])
    before_t, before_p = t.copy(), p.copy()
    confusion_matrix(t, p, 2)
    np.testing.assert_array_equal(t, before_t, err_msg="y_true must not be changed")
    np.testing.assert_array_equal(p, before_p, err_msg="y_pred must not be changed")
