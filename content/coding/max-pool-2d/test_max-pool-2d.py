"""Hidden tests for max-pool-2d. Each test receives the candidate's `max_pool2d`."""

import numpy as np


def _pool(fn, x, k, s=None):
    return np.asarray(fn(np.asarray(x, dtype=float), k, s), dtype=float)


def test_known_values(max_pool2d):
    x = np.array([[1.0, 3.0, 2.0, 0.0], [4.0, 2.0, 1.0, 5.0], [0.0, 1.0, 7.0, 2.0], [6.0, 2.0, 3.0, 1.0]])
    out = _pool(max_pool2d, x, 2)
    assert out.shape == (2, 2), f"expected shape (2, 2), got {out.shape}"
    np.testing.assert_array_equal(out, [[4.0, 5.0], [6.0, 7.0]], err_msg="2x2 max pooling of a 4x4 example is wrong")


def test_negative_values(max_pool2d):
    x = -np.arange(1.0, 17.0).reshape(4, 4)
    out = _pool(max_pool2d, x, 2)
    assert np.all(out < 0), (
        f"the max of an all-negative window must be negative, got {out.tolist()}: start the running "
        "maximum from the window's values, not from 0")
    np.testing.assert_array_equal(out, [[-1.0, -3.0], [-9.0, -11.0]], err_msg="max pooling of negative values is wrong")


def test_overlapping_windows_with_stride_one(max_pool2d):
    out = _pool(max_pool2d, np.arange(9.0).reshape(3, 3), 2, 1)
    assert out.shape == (2, 2), (
        f"a 3x3 input with kernel 2 and stride 1 should give shape (2, 2), got {out.shape}: windows "
        "start every `stride` steps, H_out = (H - k) // stride + 1")
    np.testing.assert_array_equal(out, [[4.0, 5.0], [7.0, 8.0]], err_msg="overlapping windows (stride 1) are wrong")


def test_stride_different_from_kernel(max_pool2d):
    x = np.arange(49.0).reshape(7, 7)
    out = _pool(max_pool2d, x, 3, 2)
    assert out.shape == (3, 3), (
        f"a 7x7 input with kernel 3 and stride 2 should give shape (3, 3), got {out.shape}: windows "
        "start every `stride` steps, H_out = (H - k) // stride + 1")
    np.testing.assert_array_equal(out, [[16.0, 18.0, 20.0], [30.0, 32.0, 34.0], [44.0, 46.0, 48.0]],
                                  err_msg="kernel 3 with stride 2 gives wrong maxima")


def test_incomplete_windows_are_dropped(max_pool2d):
    out = _pool(max_pool2d, np.arange(25.0).reshape(5, 5), 2)
    assert out.shape == (2, 2), f"a 5x5 input with kernel 2 should give shape (2, 2) (the last row and column are dropped), got {out.shape}"
    np.testing.assert_array_equal(out, [[6.0, 8.0], [16.0, 18.0]], err_msg="pooling a 5x5 input with kernel 2 is wrong")


def test_channels_are_pooled_independently(max_pool2d):
    x = np.stack([np.arange(16.0).reshape(4, 4), 15.0 - np.arange(16.0).reshape(4, 4)])
    out = _pool(max_pool2d, x, 2)
    assert out.shape == (2, 2, 2), f"a (C, H, W) = (2, 4, 4) input should give shape (2, 2, 2), got {out.shape}"
    np.testing.assert_array_equal(out[0], [[5.0, 7.0], [13.0, 15.0]], err_msg="channel 0 is pooled wrongly")
    np.testing.assert_array_equal(out[1], [[15.0, 13.0], [7.0, 5.0]], err_msg="channel 1 is pooled wrongly (channels must not mix)")


def test_input_is_not_modified(max_pool2d):
    x = np.random.default_rng(0).normal(size=(2, 5, 5))
    before = x.copy()
    max_pool2d(x, 2, 1)
    np.testing.assert_array_equal(x, before, err_msg="max_pool2d must not change its input")


def test_random_against_loops(max_pool2d):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(3, 9, 8))
    k, s = 3, 2
    ho, wo = (9 - k) // s + 1, (8 - k) // s + 1
    expected = np.empty((3, ho, wo))
    for c in range(3):
        for r in range(ho):
            for q in range(wo):
                expected[c, r, q] = max(x[c, r * s + i, q * s + j] for i in range(k) for j in range(k))
    out = _pool(max_pool2d, x, k, s)
    assert out.shape == expected.shape, f"expected shape {expected.shape}, got {out.shape}"
    np.testing.assert_array_equal(out, expected, err_msg="random (3, 9, 8) input with kernel 3, stride 2 differs from a loop computation")
