"""Hidden tests for conv2d-forward. Each test receives the candidate's `conv2d`."""

import numpy as np


def _conv(fn, x, w, b=None, stride=1, padding=0):
    return np.asarray(fn(np.asarray(x, dtype=float), np.asarray(w, dtype=float), b, stride, padding), dtype=float)


def _shape_msg(expected, got):
    return (f"expected output shape {expected}, got {got}: "
            "H_out = floor((H + 2*padding - kH) / stride) + 1, and the same for W_out")


def test_known_values(conv2d):
    x = np.arange(9.0).reshape(1, 3, 3)
    out = _conv(conv2d, x, np.ones((1, 1, 2, 2)))
    assert out.shape == (1, 2, 2), _shape_msg((1, 2, 2), out.shape)
    np.testing.assert_allclose(out, [[[8.0, 12.0], [20.0, 24.0]]], err_msg="sums of 2x2 windows of 0..8 are wrong")


def test_cross_correlation_not_convolution(conv2d):
    x = np.arange(9.0).reshape(1, 3, 3)
    w = np.array([[[[1.0, 0.0], [0.0, 0.0]]]])  # picks the top-left value of each window
    out = _conv(conv2d, x, w)
    hint = ""
    if out.shape == (1, 2, 2) and np.allclose(out, [[[4.0, 5.0], [7.0, 8.0]]]):
        hint = (": do not flip the kernel, deep-learning libraries compute cross-correlation, "
                "out[o, r, c] = sum x[ci, r*s + i, c*s + j] * w[o, ci, i, j]")
    assert out.shape == (1, 2, 2) and np.allclose(out, [[[0.0, 1.0], [3.0, 4.0]]]), (
        f"a kernel with a single 1 in its top-left corner should return the top-left value of "
        f"each window, [[[0, 1], [3, 4]]], got {out.tolist()}{hint}")


def test_output_shape_with_stride_and_padding(conv2d):
    cases = [((1, 5, 5), (1, 1, 3, 3), 2, 1, (1, 3, 3)),
             ((2, 7, 6), (4, 2, 3, 2), 2, 0, (4, 3, 3)),
             ((1, 6, 6), (1, 1, 3, 3), 2, 0, (1, 2, 2))]
    for x_shape, w_shape, s, p, expected in cases:
        out = _conv(conv2d, np.ones(x_shape), np.ones(w_shape), stride=s, padding=p)
        assert out.shape == expected, _shape_msg(expected, out.shape) + f" (x {x_shape}, w {w_shape}, stride {s}, padding {p})"


def test_zero_padding(conv2d):
    out = _conv(conv2d, np.ones((1, 3, 3)), np.ones((1, 1, 3, 3)), padding=1)
    expected = [[[4.0, 6.0, 4.0], [6.0, 9.0, 6.0], [4.0, 6.0, 4.0]]]
    assert out.shape == (1, 3, 3), _shape_msg((1, 3, 3), out.shape)
    np.testing.assert_allclose(out, expected, err_msg="with padding=1 the border must be padded with zeros")


def test_stride(conv2d):
    x = np.arange(16.0).reshape(1, 4, 4)
    out = _conv(conv2d, x, np.ones((1, 1, 1, 1)), stride=2)
    assert out.shape == (1, 2, 2), _shape_msg((1, 2, 2), out.shape)
    np.testing.assert_allclose(out, [[[0.0, 2.0], [8.0, 10.0]]], err_msg="a 1x1 identity kernel with stride 2 should pick x[::2, ::2]")


def test_channels_and_bias(conv2d):
    x = np.stack([np.full((2, 2), 3.0), np.arange(4.0).reshape(2, 2)])
    w = np.zeros((2, 2, 1, 1))
    w[0, :, 0, 0] = [2.0, -1.0]   # out 0 = 2 * channel 0 - channel 1
    w[1, :, 0, 0] = [0.0, 1.0]    # out 1 = channel 1
    out = _conv(conv2d, x, w, b=np.array([1.0, -1.0]))
    expected = [[[7.0, 6.0], [5.0, 4.0]], [[-1.0, 0.0], [1.0, 2.0]]]
    assert out.shape == (2, 2, 2), _shape_msg((2, 2, 2), out.shape)
    np.testing.assert_allclose(out, expected, err_msg="output channels should sum over input channels and add one bias per output channel")


def test_two_dimensional_input(conv2d):
    out = _conv(conv2d, np.arange(9.0).reshape(3, 3), np.ones((1, 1, 2, 2)))
    assert out.shape == (1, 2, 2), f"an (H, W) input is one channel: expected output shape (1, 2, 2), got {out.shape}"
    np.testing.assert_allclose(out, [[[8.0, 12.0], [20.0, 24.0]]], err_msg="an (H, W) input should behave like (1, H, W)")


def test_inputs_are_not_modified(conv2d):
    x, w, b = np.arange(18.0).reshape(2, 3, 3), np.ones((1, 2, 2, 2)), np.array([0.5])
    copies = x.copy(), w.copy(), b.copy()
    conv2d(x, w, b, 1, 1)
    for name, arr, before in zip(("x", "w", "b"), (x, w, b), copies):
        np.testing.assert_array_equal(arr, before, err_msg=f"conv2d must not change {name}")


def test_random_against_loops(conv2d):
    rng = np.random.default_rng(0)
    x, w, b = rng.normal(size=(3, 7, 8)), rng.normal(size=(2, 3, 3, 2)), rng.normal(size=2)
    s, p = 2, 1
    xp = np.zeros((3, 9, 10))
    xp[:, 1:8, 1:9] = x
    ho, wo = (7 + 2 * p - 3) // s + 1, (8 + 2 * p - 2) // s + 1
    expected = np.zeros((2, ho, wo))
    for o in range(2):
        for r in range(ho):
            for c in range(wo):
                total = b[o]
                for ci in range(3):
                    for i in range(3):
                        for j in range(2):
                            total += xp[ci, r * s + i, c * s + j] * w[o, ci, i, j]
                expected[o, r, c] = total
    out = _conv(conv2d, x, w, b, s, p)
    assert out.shape == expected.shape, _shape_msg(expected.shape, out.shape)
    np.testing.assert_allclose(out, expected, rtol=1e-10, atol=1e-12,
                               err_msg="random input with stride 2 and padding 1 differs from a loop computation")
