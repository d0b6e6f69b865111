"""Hidden tests for dropout-forward. Each test receives the candidate's `dropout`.

The random draw itself is not fixed by the problem, so these tests check properties that
hold for any correct use of the seed.
"""

import numpy as np


def _run(dropout, x, p, seed=0, training=True):
    out, mask = dropout(x, p, seed, training)
    return np.asarray(out, dtype=float), np.asarray(mask, dtype=float)


def test_shapes_and_binary_mask(dropout):
    x = np.random.default_rng(0).normal(size=(20, 30))
    out, mask = _run(dropout, x, 0.3)
    assert out.shape == (20, 30), f"expected out shape (20, 30), got {out.shape}"
    assert mask.shape == (20, 30), f"expected mask shape (20, 30), got {mask.shape}"
    values = np.unique(mask)
    assert set(values.tolist()) <= {0.0, 1.0}, f"the mask must hold only 0 and 1, got values {values[:5]}"


def test_kept_entries_scaled_and_dropped_entries_zero(dropout):
    x = np.random.default_rng(1).normal(size=(10, 12))
    p = 0.25
    out, mask = _run(dropout, x, p, seed=5)
    for i in range(10):
        for j in range(12):
            if mask[i, j] == 0:
                assert out[i, j] == 0, f"entry ({i}, {j}) was dropped (mask 0) but out is {out[i, j]}"
            else:
                expected = x[i, j] / (1 - p)
                hint = ""
                if np.isclose(out[i, j], x[i, j]):
                    hint = ": kept entries must be scaled by 1/(1-p) (inverted dropout)"
                assert np.isclose(out[i, j], expected, rtol=1e-12), (
                    f"kept entry ({i}, {j}) should be x / (1 - p) = {expected:.6f}, got {out[i, j]:.6f}{hint}")


def test_keep_rate_is_one_minus_p(dropout):
    _, mask = _run(dropout, np.ones((200, 500)), 0.3, seed=2)
    rate = mask.mean()
    hint = ""
    if abs(rate - 0.3) < 0.02:
        hint = ": p is the probability of DROPPING an entry"
    assert abs(rate - 0.7) < 0.01, f"with p=0.3 the keep rate should be about 0.7, got {rate:.4f}{hint}"


def test_mean_of_output_matches_input(dropout):
    out, _ = _run(dropout, np.ones((200, 500)), 0.5, seed=3)
    hint = ""
    if abs(out.mean() - 0.5) < 0.02:
        hint = ": scale the kept entries by 1/(1-p)"
    assert abs(out.mean() - 1.0) < 0.02, (
        f"on an all-ones input the output mean should stay about 1.0, got {out.mean():.4f}{hint}")


def test_eval_mode_is_identity(dropout):
    x = np.arange(12.0).reshape(3, 4) - 5.0
    out, mask = _run(dropout, x, 0.5, seed=4, training=False)
    np.testing.assert_array_equal(out, x, err_msg="with training=False dropout must return x unchanged (no mask, no scaling)")
    np.testing.assert_array_equal(mask, np.ones_like(x), err_msg="with training=False the mask must be all ones")


def test_p_zero_keeps_everything(dropout):
    x = np.random.default_rng(6).normal(size=(5, 6))
    out, mask = _run(dropout, x, 0.0, seed=7)
    np.testing.assert_array_equal(mask, np.ones_like(x), err_msg="with p=0 every entry must be kept (mask all ones)")
    np.testing.assert_allclose(out, x, rtol=1e-15, err_msg="with p=0 the output must equal the input")


def test_same_seed_same_mask_and_seed_matters(dropout):
    x = np.ones((40, 50))
    _, mask_a = _run(dropout, x, 0.5, seed=123)
    _, mask_b = _run(dropout, x, 0.5, seed=123)
    _, mask_c = _run(dropout, x, 0.5, seed=124)
    np.testing.assert_array_equal(mask_a, mask_b, err_msg="the same seed must give the same mask")
    assert not np.array_equal(mask_a, mask_c), "different seeds gave identical masks: draw the mask from the seed"


def test_input_is_not_modified(dropout):
    x = np.random.default_rng(8).normal(size=(6, 7))
    before = x.copy()
    dropout(x, 0.5, 9, True)
    np.testing.assert_array_equal(x, before, err_msg="dropout must not change its input")
