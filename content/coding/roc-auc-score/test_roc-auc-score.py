"""Hidden tests for roc-auc-score. Each test receives the candidate's `roc_auc`."""

import numpy as np


def _auc(roc_auc, y, s):
    return float(np.asarray(roc_auc(np.asarray(y), np.asarray(s, dtype=float))))


def _slow_auc(y, s):
    pos = [si for yi, si in zip(y, s, strict=True) if yi]
    neg = [si for yi, si in zip(y, s, strict=True) if not yi]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def test_small_example_by_hand(roc_auc):
    out = _auc(roc_auc, [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    if np.isclose(out, 0.25):
        raise AssertionError("got 0.25 = 1 - 0.75: the ranking is measured in the wrong "
                             "direction; a positive should count as a win when its score is "
                             "HIGHER (sort scores from high to low)")
    assert np.isclose(out, 0.75, rtol=1e-12), (
        f"3 of the 4 positive-negative pairs are ordered correctly: expected 0.75, got {out}"
    )


def test_perfect_and_reversed_ranking(roc_auc):
    out = _auc(roc_auc, [0, 0, 1, 1, 1], [0.1, 0.2, 0.7, 0.8, 0.9])
    assert np.isclose(out, 1.0, rtol=1e-12), (
        f"every positive scores above every negative, so AUC should be 1.0, got {out}"
        + (": the thresholds are swept in the wrong direction (sort scores from high to low)"
           if np.isclose(out, 0.0) else "")
    )
    out = _auc(roc_auc, [1, 1, 0, 0], [0.1, 0.2, 0.7, 0.8])
    assert np.isclose(out, 0.0, atol=1e-12), f"a fully reversed ranking should give 0.0, got {out}"


def test_tied_pair_counts_one_half(roc_auc):
    out = _auc(roc_auc, [0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])
    assert np.isclose(out, 0.875, rtol=1e-12), (
        f"3 pairs ordered correctly and 1 tied pair: expected (3 + 0.5) / 4 = 0.875, got {out}; "
        "a tie between a positive and a negative counts one half"
    )


def test_all_scores_equal_gives_one_half(roc_auc):
    out = _auc(roc_auc, [1, 0, 1, 0, 0], [0.3] * 5)
    assert np.isclose(out, 0.5, rtol=1e-12), (
        f"with identical scores every pair is a tie, so AUC should be 0.5, got {out}; ties "
        "count one half, whatever order the sort puts them in"
    )


def test_monotone_transform_does_not_change_auc(roc_auc):
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 40)
    s = rng.normal(size=40) + y
    a = _auc(roc_auc, y, s)
    b = _auc(roc_auc, y, np.exp(3 * s) + 100)
    assert np.isclose(a, b, rtol=1e-12), (
        f"AUC depends only on the ranking of scores: got {a} and {b} after a monotone transform"
    )


def test_boolean_labels(roc_auc):
    out = _auc(roc_auc, np.array([False, False, True, True]), [0.1, 0.4, 0.35, 0.8])
    assert np.isclose(out, 0.75, rtol=1e-12), f"boolean labels: expected 0.75, got {out}"


def test_single_class_raises_value_error(roc_auc):
    try:
        roc_auc(np.array([1, 1, 1]), np.array([0.2, 0.5, 0.9]))
    except ValueError:
        return
    except Exception as exc:
        raise AssertionError(f"only positives: expected ValueError, got "
                             f"{type(exc).__name__}: {exc}") from exc
    raise AssertionError("only positives: AUC is undefined, expected ValueError, none raised")


def test_random_with_many_ties_matches_pair_count(roc_auc):
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 120)
    s = np.round(rng.normal(size=120) + 0.8 * y, 1)  # rounding creates many ties
    expected = _slow_auc(y.tolist(), s.tolist())
    out = _auc(roc_auc, y, s)
    assert np.isclose(out, expected, rtol=1e-12), (
        f"random scores with ties: expected {expected:.8f} from counting all pairs, got {out:.8f}"
    )


def test_inputs_are_not_modified(roc_auc):
    y = np.array([0, 1, 0, 1])
    s = np.array([0.5, 0.5, 0.9, 0.2])
    before_y, before_s = y.copy(), s.copy()
    roc_auc(y, s)
    np.testing.assert_array_equal(s, before_s, err_msg="scores were changed: do not sort in place")
    np.testing.assert_array_equal(y, before_y, err_msg="y_true must not be changed")
