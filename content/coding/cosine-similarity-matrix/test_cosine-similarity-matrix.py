"""Hidden tests for cosine-similarity-matrix. Each test receives the candidate's `cosine_similarity_matrix`."""

import numpy as np


def test_known_values(cosine_similarity_matrix):
    A = np.array([[1.0, 0.0], [1.0, 1.0]])
    B = np.array([[0.0, 2.0], [3.0, 0.0], [-1.0, -1.0]])
    out = np.asarray(cosine_similarity_matrix(A, B))
    r = 1 / np.sqrt(2)
    expected = np.array([[0.0, 1.0, -r], [r, r, -1.0]])
    np.testing.assert_allclose(out, expected, atol=1e-12, err_msg="cosine similarities of a small example are wrong")


def test_shape(cosine_similarity_matrix):
    rng = np.random.default_rng(0)
    out = np.asarray(cosine_similarity_matrix(rng.normal(size=(4, 3)), rng.normal(size=(6, 3))))
    assert out.shape == (4, 6), f"expected shape (N, M) = (4, 6), got {out.shape}"


def test_each_row_is_normalised(cosine_similarity_matrix):
    A = np.array([[3.0, 4.0], [100.0, 0.0], [0.0, 0.5]])
    out = np.asarray(cosine_similarity_matrix(A, A))
    diag = np.diag(out)
    assert np.allclose(diag, 1.0, atol=1e-12), (
        f"every vector should have similarity 1 with itself, got diagonal {diag.round(4).tolist()}: "
        "divide each row vector by its own L2 norm")


def test_scale_invariance(cosine_similarity_matrix):
    rng = np.random.default_rng(1)
    A, B = rng.normal(size=(3, 5)), rng.normal(size=(4, 5))
    base = np.asarray(cosine_similarity_matrix(A, B))
    scaled = np.asarray(cosine_similarity_matrix(A * np.array([[2.0], [10.0], [0.1]]), B * 7.0))
    np.testing.assert_allclose(scaled, base, atol=1e-12,
                               err_msg="scaling a vector by a positive number must not change its similarities")


def test_zero_vectors_give_zero(cosine_similarity_matrix):
    A = np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]])
    B = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    out = np.asarray(cosine_similarity_matrix(A, B))
    assert np.all(np.isfinite(out)), f"a zero vector gave nan or inf: {out.tolist()}; define its similarity as 0"
    np.testing.assert_allclose(out, [[0.0, 0.0], [1 / 3, 0.0]], atol=1e-12,
                               err_msg="similarities involving a zero vector must be 0")


def test_values_in_range(cosine_similarity_matrix):
    rng = np.random.default_rng(2)
    out = np.asarray(cosine_similarity_matrix(rng.normal(size=(20, 8)), rng.normal(size=(30, 8))))
    assert out.min() >= -1 - 1e-12 and out.max() <= 1 + 1e-12, (
        f"cosine similarities must lie in [-1, 1], got range [{out.min():.4f}, {out.max():.4f}]")


def test_inputs_are_not_modified(cosine_similarity_matrix):
    A, B = np.array([[1.0, 2.0], [0.0, 0.0]]), np.array([[3.0, -1.0]])
    copies = A.copy(), B.copy()
    cosine_similarity_matrix(A, B)
    np.testing.assert_array_equal(A, copies[0], err_msg="A must not be normalised in place")
    np.testing.assert_array_equal(B, copies[1], err_msg="B must not be normalised in place")


def test_random_against_loop(cosine_similarity_matrix):
    rng = np.random.default_rng(3)
    A, B = rng.normal(size=(5, 4)), rng.normal(size=(7, 4))
    expected = np.empty((5, 7))
    for i in range(5):
        for j in range(7):
            dot = sum(A[i, k] * B[j, k] for k in range(4))
            expected[i, j] = dot / (sum(v * v for v in A[i]) ** 0.5 * sum(v * v for v in B[j]) ** 0.5)
    out = np.asarray(cosine_similarity_matrix(A, B))
    np.testing.assert_allclose(out, expected, atol=1e-12, err_msg="random input differs from a pair-by-pair computation")
