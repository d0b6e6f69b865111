"""Semantic engine: the embedder (one model, shared), the grader and the search index."""
