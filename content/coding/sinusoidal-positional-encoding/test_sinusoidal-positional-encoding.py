"""Hidden tests for sinusoidal-positional-encoding. Each test receives the candidate's `sinusoidal_positional_encoding`."""

import math

import numpy as np


def _pe(fn, *args, **kw):
    return np.asarray(fn(*args, **kw), dtype=float)


def test_shape(sinusoidal_positional_encoding):
    out = _pe(sinusoidal_positional_encoding, 50, 16)
    assert out.shape == (50, 16), f"expected shape (seq_len, d_model) = (50, 16), got {out.shape}"


def test_position_zero(sinusoidal_positional_encoding):
    out = _pe(sinusoidal_positional_encoding, 3, 6)
    assert np.allclose(out[0], [0, 1, 0, 1, 0, 1], atol=1e-12), (
        f"position 0 should be [sin 0, cos 0, ...] = [0, 1, 0, 1, 0, 1], got {out[0].round(4).tolist()}")


def test_known_values(sinusoidal_positional_encoding):
    out = _pe(sinusoidal_positional_encoding, 2, 4)
    expected = [math.sin(1.0), math.cos(1.0), math.sin(0.01), math.cos(0.01)]
    hint = ""
    if np.isclose(out[1, 1], math.sin(0.01)):
        hint = ": interleave the columns, sin in even columns (0, 2, ...) and cos in odd columns (1, 3, ...)"
    assert np.allclose(out[1], expected, rtol=1e-12), (
        f"position 1 with d_model=4 should be [sin 1, cos 1, sin 0.01, cos 0.01] = "
        f"{np.round(expected, 6).tolist()}, got {out[1].round(6).tolist()}{hint}")


def test_even_columns_sine_odd_columns_cosine(sinusoidal_positional_encoding):
    out = _pe(sinusoidal_positional_encoding, 10, 8)
    pos = np.arange(10)
    hint = ""
    if np.allclose(out[:, 1], np.sin(pos / 10000.0 ** (2 / 8))):
        hint = ": interleave sin (even columns) and cos (odd columns) instead of concatenating halves"
    elif np.allclose(out[:, 1], np.cos(pos / 10000.0 ** (1 / 8))):
        hint = ": columns 0 and 1 must share the same frequency (exponent 2i/d for both)"
    assert np.allclose(out[:, 0], np.sin(pos), atol=1e-12), "column 0 should be sin(pos)"
    assert np.allclose(out[:, 1], np.cos(pos), atol=1e-12), (
        f"column 1 should be cos(pos) = {np.cos(pos[:4]).round(4).tolist()}..., "
        f"got {out[:4, 1].round(4).tolist()}...{hint}")


def test_pairs_share_a_frequency(sinusoidal_positional_encoding):
    out = _pe(sinusoidal_positional_encoding, 20, 12)
    norms = out[:, 0::2] ** 2 + out[:, 1::2] ** 2
    if np.allclose(out[0, :6], 0.0):
        hint = "interleave the columns: sin in even columns, cos in odd columns"
    else:
        hint = "columns 2i and 2i+1 must share the same frequency 1 / base^(2i / d_model)"
    assert np.allclose(norms, 1.0, atol=1e-12), (
        "sin^2 + cos^2 of columns (2i, 2i+1) should be 1 at every position, got values in "
        f"[{norms.min():.4f}, {norms.max():.4f}]: {hint}")


def test_base_argument(sinusoidal_positional_encoding):
    out = _pe(sinusoidal_positional_encoding, 3, 4, base=100.0)
    assert np.isclose(out[2, 2], math.sin(0.2), rtol=1e-12), (
        f"with base=100 and d_model=4, column 2 at position 2 should be sin(2 / 100^(2/4)) = sin(0.2), "
        f"got {out[2, 2]}")


def test_single_position(sinusoidal_positional_encoding):
    out = _pe(sinusoidal_positional_encoding, 1, 4)
    assert out.shape == (1, 4), f"expected shape (1, 4), got {out.shape}"
    np.testing.assert_allclose(out, [[0, 1, 0, 1]], atol=1e-12, err_msg="a single position 0 should give [[0, 1, 0, 1]]")


def test_random_size_against_loop(sinusoidal_positional_encoding):
    L, D = 7, 10
    expected = np.zeros((L, D))
    for pos in range(L):
        for i in range(D // 2):
            angle = pos / 10000.0 ** (2 * i / D)
            expected[pos, 2 * i] = math.sin(angle)
            expected[pos, 2 * i + 1] = math.cos(angle)
    out = _pe(sinusoidal_positional_encoding, L, D)
    np.testing.assert_allclose(out, expected, atol=1e-12, err_msg="a (7, 10) table differs from an entry-by-entry computation")
