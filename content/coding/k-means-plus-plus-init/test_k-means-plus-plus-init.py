"""Hidden tests for k-means-plus-plus-init.

Each test receives the candidate's `kmeans_plus_plus`.
"""

import numpy as np


def _row_indices(X, C):
    """Index of the row of X equal to each row of C, or -1 when there is none."""
    out = []
    for c in C:
        hits = np.flatnonzero(np.all(c == X, axis=1))
        out.append(int(hits[0]) if hits.size else -1)
    return out


def _points(seed, n=30, d=2):
    return np.random.default_rng(seed).normal(size=(n, d))


def test_shape_and_rows_come_from_data(kmeans_plus_plus):
    X = _points(0)
    C = np.asarray(kmeans_plus_plus(X, 4, seed=1), dtype=float)
    assert C.shape == (4, 2), f"expected centroids of shape (4, 2), got {C.shape}"
    rows = _row_indices(X, C)
    assert -1 not in rows, f"every centroid must be a row of X; rows matched: {rows}"


def test_centroids_are_distinct_points(kmeans_plus_plus):
    X = _points(1, n=12)
    for seed in range(10):
        C = np.asarray(kmeans_plus_plus(X, 6, seed=seed), dtype=float)
        distinct = np.unique(C, axis=0).shape[0]
        assert distinct == 6, (
            f"seed {seed}: only {distinct} distinct centroids out of 6; a point already chosen "
            "has distance 0 and must never be drawn again"
        )


def test_duplicate_rows_are_not_picked_twice(kmeans_plus_plus):
    X = np.array([[0.0, 0.0], [0.0, 0.0], [5.0, 5.0], [5.0, 5.0], [5.0, 5.0], [9.0, 0.0]])
    for seed in range(10):
        C = np.asarray(kmeans_plus_plus(X, 3, seed=seed), dtype=float)
        got = sorted(map(tuple, C.tolist()))
        assert got == [(0.0, 0.0), (5.0, 5.0), (9.0, 0.0)], (
            f"seed {seed}: X has 3 distinct points and k=3, so each must be chosen once; got {got}"
        )


def test_same_seed_gives_same_result(kmeans_plus_plus):
    X = _points(2)
    a = np.asarray(kmeans_plus_plus(X, 5, seed=42))
    b = np.asarray(kmeans_plus_plus(X, 5, seed=42))
    np.testing.assert_array_equal(a, b, err_msg="the same seed must give the same centroids: "
                                                "draw everything from np.random.default_rng(seed)")


def test_different_seeds_give_different_results(kmeans_plus_plus):
    X = _points(3)
    firsts = {tuple(np.asarray(kmeans_plus_plus(X, 2, seed=s))[0]) for s in range(20)}
    assert len(firsts) >= 5, (
        f"over 20 seeds the first centroid took only {len(firsts)} different values: it should be "
        "drawn uniformly at random from the rows of X"
    )


def test_far_apart_blobs_get_one_centroid_each(kmeans_plus_plus):
    rng = np.random.default_rng(4)
    corners = np.array([[0.0, 0.0], [1000.0, 0.0], [0.0, 1000.0], [1000.0, 1000.0]])
    X = np.vstack([c + rng.normal(scale=0.01, size=(10, 2)) for c in corners])
    for seed in range(10):
        C = np.asarray(kmeans_plus_plus(X, 4, seed=seed), dtype=float)
        blobs = sorted(np.argmin(((C[:, None, :] - corners[None]) ** 2).sum(-1), axis=1).tolist())
        assert blobs == [0, 1, 2, 3], (
            f"seed {seed}: four blobs 1000 apart should each get one centroid, got blobs {blobs}; "
            "weight each point by its squared distance to the NEAREST centroid chosen so far, "
            "not only the latest one"
        )


def test_far_outlier_is_usually_picked(kmeans_plus_plus):
    # 100 points at 0, 100 at -1, one at 30. With D^2 weights the outlier is the second pick about
    # 90% of the time; with plain D weights only about 24%; uniformly about 1%.
    X = np.concatenate([np.zeros(100), -np.ones(100), [30.0]])[:, None]
    hits = sum(30.0 in np.asarray(kmeans_plus_plus(X, 2, seed=s)) for s in range(50))
    assert hits >= 30, (
        f"the outlier at 30 was chosen in only {hits} of 50 seeds (about 45 expected): sample "
        "each next centroid with probability proportional to the SQUARED distance D(x)^2"
    )


def test_k_equals_one_and_k_equals_n(kmeans_plus_plus):
    X = _points(5, n=7)
    one = np.asarray(kmeans_plus_plus(X, 1, seed=0), dtype=float)
    assert one.shape == (1, 2), f"k=1: expected shape (1, 2), got {one.shape}"
    everything = np.asarray(kmeans_plus_plus(X, 7, seed=0), dtype=float)
    assert sorted(_row_indices(X, everything)) == list(range(7)), (
        "k = N should return every row of X exactly once"
    )


def test_input_is_not_modified(kmeans_plus_plus):
    X = _points(6)
    before = X.copy()
    kmeans_plus_plus(X, 3, seed=0)
    np.testing.assert_array_equal(X, before, err_msg="kmeans_plus_plus must not change X")
