"""Hidden tests for stratified-train-val-split. Each test receives the candidate's `stratified_split`.

Which samples of a class land in validation depends on the seed and is not fixed by the
problem, so the tests check counts, coverage and determinism.
"""

import numpy as np


def _split(fn, y, frac, seed):
    train, val = fn(np.asarray(y), frac, seed)
    return np.asarray(train), np.asarray(val)


def _expected_val_count(n, frac):
    if n < 2:
        return 0
    return min(max(int(np.floor(frac * n + 0.5)), 1), n - 1)


def test_disjoint_complete_and_sorted(stratified_split):
    y = np.repeat([0, 1, 2], [30, 12, 8])
    train, val = _split(stratified_split, y, 0.25, 0)
    assert np.issubdtype(train.dtype, np.integer) and np.issubdtype(val.dtype, np.integer), (
        f"indices must be integers, got dtypes {train.dtype} and {val.dtype}")
    assert len(np.intersect1d(train, val)) == 0, "train and val share indices: they must be disjoint"
    assert sorted(train.tolist() + val.tolist()) == list(range(50)), "train and val together must hold every index 0..N-1 exactly once"
    assert np.all(np.diff(train) > 0) and np.all(np.diff(val) > 0), "return both index arrays sorted ascending"


def test_per_class_validation_counts(stratified_split):
    y = np.repeat([0, 1, 2], [100, 20, 7])
    _, val = _split(stratified_split, y, 0.2, 1)
    counts = [int(np.sum(y[val] == c)) for c in (0, 1, 2)]
    assert counts == [20, 4, 1], (
        f"with val_fraction=0.2 and class sizes [100, 20, 7] expected [20, 4, 1] validation samples "
        f"per class, got {counts}: keep the class proportions by splitting each class separately")


def test_every_class_with_two_samples_in_both(stratified_split):
    y = np.array([0] * 40 + [1, 1] + [2] * 3)
    train, val = _split(stratified_split, y, 0.1, 2)
    for c in (0, 1, 2):
        in_train, in_val = int(np.sum(y[train] == c)), int(np.sum(y[val] == c))
        assert in_train >= 1 and in_val >= 1, (
            f"class {c} has {in_train} train and {in_val} val samples: every class with at least 2 "
            "samples must appear in both train and val")


def test_singleton_class_goes_to_train(stratified_split):
    y = np.array([0, 0, 0, 0, 5, 0, 0])
    train, val = _split(stratified_split, y, 0.3, 3)
    assert 4 in train.tolist(), f"the only sample of class 5 (index 4) must go to train, got val {val.tolist()}"


def test_large_fraction_keeps_one_in_train(stratified_split):
    y = np.array([1, 1, 1, 2, 2, 2, 2, 2])
    train, val = _split(stratified_split, y, 0.9, 4)
    counts = [int(np.sum(y[val] == 1)), int(np.sum(y[val] == 2))]
    assert counts == [2, 4], (
        f"with val_fraction=0.9, classes of 3 and 5 should give [2, 4] validation samples (at least "
        f"one stays in train), got {counts}")


def test_same_seed_same_split_and_seed_matters(stratified_split):
    y = np.repeat([0, 1], [60, 40])
    t1, v1 = _split(stratified_split, y, 0.3, 10)
    t2, v2 = _split(stratified_split, y, 0.3, 10)
    _, v3 = _split(stratified_split, y, 0.3, 11)
    assert np.array_equal(v1, v2) and np.array_equal(t1, t2), "the same seed must give the same split"
    assert not np.array_equal(v1, v3), (
        "seeds 10 and 11 gave the same validation set: choose each class's validation samples at "
        "random with the seed, not the first ones")


def test_arbitrary_label_values(stratified_split):
    y = np.array(["cat", "dog", "cat", "bird", "dog", "cat", "bird", "dog", "cat", "cat"])
    train, val = _split(stratified_split, y, 0.4, 5)
    counts = {c: int(np.sum(y[val] == c)) for c in ("bird", "cat", "dog")}
    assert counts == {"bird": 1, "cat": 2, "dog": 1}, (
        f"string labels with sizes bird 2, cat 5, dog 3 and val_fraction=0.4 should give "
        f"{{'bird': 1, 'cat': 2, 'dog': 1}} validation samples, got {counts}")
    assert len(train) + len(val) == 10, f"expected 10 indices in total, got {len(train) + len(val)}"


def test_input_is_not_modified(stratified_split):
    y = np.array([2, 0, 1, 0, 2, 1, 0, 2])
    before = y.copy()
    stratified_split(y, 0.5, 6)
    np.testing.assert_array_equal(y, before, err_msg="stratified_split must not change (for example sort) y")


def test_random_labels_against_loop(stratified_split):
    rng = np.random.default_rng(7)
    y = rng.integers(-3, 4, size=200)
    frac = 0.15
    train, val = _split(stratified_split, y, frac, 8)
    for c in np.unique(y):
        n = sum(1 for v in y if v == c)
        got = sum(1 for i in val if y[i] == c)
        want = _expected_val_count(n, frac)
        assert got == want, (
            f"class {c} has {n} samples: expected {want} in validation, got {got} "
            "(round half up, then keep at least one on each side)")
