"""Hidden tests for multi-head-attention-shapes.

Each test receives the candidate's `split_heads`.
"""

import numpy as np


def _layout_problem(out, x, n_heads):
    """Name the usual layout mistake when `out` has the right shape but wrong contents."""
    B, L, D = x.shape
    if np.array_equal(out, x.reshape(B, n_heads, L, D // n_heads)):
        return ("you reshaped straight to (B, H, L, D/H), which mixes tokens across heads: "
                "reshape to (B, L, H, D/H) first, then transpose axes 1 and 2")
    if np.array_equal(out, x.reshape(B, L, D // n_heads, n_heads).transpose(0, 3, 1, 2)):
        return ("head h got every H-th feature; each head must get a contiguous block of D/H "
                "features, x[b, l, h*D/H:(h+1)*D/H]")
    return "head h of token l should hold x[b, l, h*D/H:(h+1)*D/H]"


def test_split_shape(split_heads):
    out = np.asarray(split_heads(np.zeros((2, 5, 12)), 3))
    assert out.shape == (2, 3, 5, 4), f"(2, 5, 12), 3 heads: expected (2, 3, 5, 4), got {out.shape}"


def test_split_layout(split_heads):
    x = np.arange(2 * 3 * 8).reshape(2, 3, 8)
    out = np.asarray(split_heads(x, 4))
    assert out.shape == (2, 4, 3, 2), f"expected shape (2, 4, 3, 2), got {out.shape}"
    expected = np.stack([x[:, :, 2 * h:2 * h + 2] for h in range(4)], axis=1)
    assert np.array_equal(out, expected), _layout_problem(out, x, 4)


def test_merge_layout(split_heads):
    heads = np.arange(2 * 3 * 4 * 2).reshape(2, 3, 4, 2)  # (B=2, H=3, L=4, d_h=2)
    out = np.asarray(split_heads(heads, 3, merge=True))
    assert out.shape == (2, 4, 6), f"merging (2, 3, 4, 2) should give (2, 4, 6), got {out.shape}"
    expected = np.concatenate([heads[:, h] for h in range(3)], axis=-1)
    if np.array_equal(out, heads.reshape(2, 4, 6)):
        raise AssertionError("you reshaped the heads straight to (B, L, D), which mixes tokens: "
                             "transpose to (B, L, H, d_h) first, then reshape")
    assert np.array_equal(out, expected), (
        "merged token l should be [head 0 of l, head 1 of l, ...] concatenated along features"
    )


def test_round_trip(split_heads):
    x = np.random.default_rng(0).normal(size=(3, 7, 10))
    back = np.asarray(split_heads(np.asarray(split_heads(x, 5)), 5, merge=True))
    np.testing.assert_array_equal(back, x, err_msg="merging the split heads should give back x")


def test_not_divisible_raises_value_error(split_heads):
    try:
        split_heads(np.zeros((1, 2, 10)), 3)
    except ValueError:
        return
    except Exception as exc:
        raise AssertionError(f"D=10 with 3 heads: expected ValueError, got "
                             f"{type(exc).__name__}") from exc
    raise AssertionError("D=10 is not divisible by 3 heads: expected ValueError, none raised")


def test_merge_with_wrong_head_count_raises(split_heads):
    try:
        split_heads(np.zeros((1, 4, 2, 3)), 2, merge=True)
    except ValueError:
        return
    except Exception as exc:
        raise AssertionError(f"merge with 4 heads but n_heads=2: expected ValueError, got "
                             f"{type(exc).__name__}") from exc
    raise AssertionError("merge of an array with 4 heads but n_heads=2 should raise ValueError")


def test_one_head_and_one_feature_per_head(split_heads):
    x = np.arange(24.0).reshape(2, 3, 4)
    one = np.asarray(split_heads(x, 1))
    assert one.shape == (2, 1, 3, 4), f"one head should give shape (2, 1, 3, 4), got {one.shape}"
    np.testing.assert_array_equal(one[:, 0], x, err_msg="with one head the head is the whole x")
    many = np.asarray(split_heads(x, 4))
    assert many.shape == (2, 4, 3, 1), f"4 heads of size 1: expected (2, 4, 3, 1), got {many.shape}"
    np.testing.assert_array_equal(many[..., 0], x.transpose(0, 2, 1),
                                  err_msg="with d_h = 1, head h holds feature h of every token")


def test_dtype_is_kept(split_heads):
    out = np.asarray(split_heads(np.arange(8).reshape(1, 2, 4), 2))
    assert np.issubdtype(out.dtype, np.integer), f"integer input must stay integer, got {out.dtype}"


def test_input_is_not_modified(split_heads):
    x = np.arange(24.0).reshape(2, 3, 4)
    before = x.copy()
    heads = np.asarray(split_heads(x, 2))
    np.testing.assert_array_equal(x, before, err_msg="split must not change x")
    heads_before = heads.copy()
    split_heads(heads, 2, merge=True)
    np.testing.assert_array_equal(heads, heads_before, err_msg="merge must not change its input")
