"""Hidden tests for precision-recall-f1.

Each test receives the candidate's `precision_recall_f1`.
"""

import numpy as np


def _prf(precision_recall_f1, t, p):
    out = precision_recall_f1(np.asarray(t), np.asarray(p))
    precision, recall, f1 = (float(np.asarray(v)) for v in out)
    return precision, recall, f1


def _diagnose(got, expected):
    p, r, f = got
    ep, er, ef = expected
    if np.isclose(p, er) and np.isclose(r, ep) and not np.isclose(ep, er):
        return (f"precision and recall are swapped: got ({p}, {r}); precision = TP / (TP + FP), "
                "recall = TP / (TP + FN)")
    if np.isclose(f, (ep + er) / 2) and not np.isclose(ef, (ep + er) / 2):
        return f"F1 = {f} is the arithmetic mean; F1 is the harmonic mean 2PR / (P + R) = {ef}"
    return f"expected (precision, recall, f1) = {expected}, got {got}"


def test_example_by_hand(precision_recall_f1):
    got = _prf(precision_recall_f1, [1, 1, 1, 0], [1, 0, 0, 0])
    expected = (1.0, 1 / 3, 0.5)
    assert np.allclose(got, expected, rtol=1e-12), _diagnose(got, expected)


def test_second_example_by_hand(precision_recall_f1):
    got = _prf(precision_recall_f1, [1, 0, 0, 0, 1], [1, 1, 1, 0, 0])
    expected = (1 / 3, 0.5, 0.4)
    assert np.allclose(got, expected, rtol=1e-12), _diagnose(got, expected)


def test_perfect_predictions(precision_recall_f1):
    got = _prf(precision_recall_f1, [0, 1, 1, 0], [0, 1, 1, 0])
    assert np.allclose(got, (1.0, 1.0, 1.0)), f"perfect predictions: expected (1, 1, 1), got {got}"


def test_no_predicted_positives(precision_recall_f1):
    got = _prf(precision_recall_f1, [1, 0, 1], [0, 0, 0])
    assert not np.any(np.isnan(got)), (
        f"no predicted positives gave {got}: TP + FP = 0, so precision is defined as 0.0, not nan"
    )
    assert got == (0.0, 0.0, 0.0), f"no predicted positives: expected (0.0, 0.0, 0.0), got {got}"


def test_no_actual_positives(precision_recall_f1):
    got = _prf(precision_recall_f1, [0, 0, 0], [1, 0, 1])
    assert not np.any(np.isnan(got)), (
        f"no actual positives gave {got}: TP + FN = 0, so recall is defined as 0.0, not nan"
    )
    assert got == (0.0, 0.0, 0.0), f"no actual positives: expected (0.0, 0.0, 0.0), got {got}"


def test_all_negative_everywhere(precision_recall_f1):
    got = _prf(precision_recall_f1, [0, 0], [0, 0])
    assert got == (0.0, 0.0, 0.0), (
        f"no positives at all: every ratio is 0/0, so expected (0.0, 0.0, 0.0), got {got}"
    )


def test_boolean_inputs(precision_recall_f1):
    got = _prf(precision_recall_f1, np.array([True, True, False, False]),
               np.array([True, False, True, False]))
    assert np.allclose(got, (0.5, 0.5, 0.5)), f"boolean labels: expected (0.5, 0.5, 0.5), got {got}"


def test_random_matches_slow_counts(precision_recall_f1):
    rng = np.random.default_rng(0)
    t, p = rng.integers(0, 2, 100), rng.integers(0, 2, 100)
    tp = sum(1 for a, b in zip(t, p, strict=True) if a == 1 and b == 1)
    fp = sum(1 for a, b in zip(t, p, strict=True) if a == 0 and b == 1)
    fn = sum(1 for a, b in zip(t, p, strict=True) if a == 1 and b == 0)
    ep, er = tp / (tp + fp), tp / (tp + fn)
    expected = (ep, er, 2 * ep * er / (ep + er))
    got = _prf(precision_recall_f1, t, p)
    assert np.allclose(got, expected, rtol=1e-12), _diagnose(got, expected)


def test_inputs_are_not_modified(precision_recall_f1):
    t, p = np.array([1, 0, 1]), np.array([1, 1, 0])
    before_t, before_p = t.copy(), p.copy()
    precision_recall_f1(t, p)
    np.testing.assert_array_equal(t, before_t, err_msg="y_true must not be changed")
    np.testing.assert_array_equal(p, before_p, err_msg="y_pred must not be changed")
