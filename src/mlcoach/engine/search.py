"""Hybrid search over questions: BM25 on word stems plus embedding cosine, fused."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mlcoach.domain import Question
from mlcoach.engine.text import stems

W_DENSE = 0.65
W_LEXICAL = 0.35


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "score": self.score}


def document_text(question: Question) -> str:
    """What a question is about, for the embedding: its title and key points."""
    points = " ".join(p.text for p in question.key_points)
    return f"{question.title} {points}"


def lexical_text(question: Question) -> str:
    """What BM25 indexes: the title twice (titles matter most), key points and the answer."""
    return f"{question.title} {question.title} {document_text(question)} {question.answer}"


class SearchIndex:
    """Built once per bank; `search` and `related` are read-only and thread-safe."""

    def __init__(
        self, questions: Sequence[Question], encoder: object, *, cache_dir: Path | None = None
    ) -> None:
        import bm25s

        self.questions = list(questions)
        self.ids = [q.id for q in self.questions]
        self._position = {qid: i for i, qid in enumerate(self.ids)}
        self._encoder = encoder
        texts = [q.title for q in self.questions] + [document_text(q) for q in self.questions]
        vectors = cached_vectors(encoder, texts, cache_dir)
        self._titles, self._bodies = vectors[: len(self.ids)], vectors[len(self.ids) :]
        self._bm25 = bm25s.BM25()
        self._bm25.index([_terms(lexical_text(q)) for q in self.questions], show_progress=False)

    def search(self, query: str, *, limit: int = 10) -> list[Hit]:
        if not query.strip() or not self.questions:
            return []
        vector = self._encoder.encode([query])[0]  # type: ignore[attr-defined]
        dense = np.maximum(self._titles @ vector, self._bodies @ vector)
        lexical = self._lexical(query)
        fused = W_DENSE * dense + W_LEXICAL * lexical
        return self._top(fused, limit)

    def related(self, question_id: str, *, limit: int = 5) -> list[Hit]:
        """Questions closest in meaning, sharing concepts first."""
        index = self._position.get(question_id)
        if index is None:
            return []
        similarity = self._bodies @ self._bodies[index]
        own = set(self.questions[index].concepts)
        shared = np.array([len(own & set(q.concepts)) > 0 for q in self.questions], dtype=float)
        fused = similarity + 0.1 * shared
        fused[index] = -np.inf
        return self._top(fused, limit)

    def _lexical(self, query: str) -> np.ndarray:
        terms = _terms(query)
        if not terms:
            return np.zeros(len(self.questions))
        scores = np.asarray(self._bm25.get_scores(terms), dtype=float)
        top = float(scores.max())
        return scores / top if top > 0 else scores

    def _top(self, scores: np.ndarray, limit: int) -> list[Hit]:
        limit = max(0, min(limit, len(scores)))
        if limit == 0:
            return []
        best = np.argpartition(-scores, limit - 1)[:limit]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [
            Hit(self.ids[i], self.questions[i].title, round(float(scores[i]), 4))
            for i in best
            if np.isfinite(scores[i])
        ]


def cached_vectors(encoder: object, texts: list[str], cache_dir: Path | None) -> np.ndarray:
    """Encode texts, reusing vectors saved by an earlier run with the same model and texts."""
    encode = encoder.encode  # type: ignore[attr-defined]
    if cache_dir is None:
        return np.asarray(encode(texts), dtype=np.float32)
    digest = hashlib.sha256(str(getattr(encoder, "name", "?")).encode())
    for text in texts:
        digest.update(text.encode("utf-8", "replace") + b"\0")
    path = cache_dir / f"vectors-{digest.hexdigest()[:24]}.npy"
    if path.is_file():
        try:
            loaded: np.ndarray = np.load(path, allow_pickle=False)
            return loaded
        except (OSError, ValueError):
            path.unlink(missing_ok=True)
    vectors = np.asarray(encode(texts), dtype=np.float32)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        np.save(handle, vectors, allow_pickle=False)
    tmp.replace(path)
    return vectors


def _terms(text: str) -> list[str]:
    return stems(text) or ["∅"]
