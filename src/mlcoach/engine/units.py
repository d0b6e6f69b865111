"""Answer units the grader compares key points with: sentences, sentence pairs, the whole."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlcoach.engine.text import Span, sentences

MAX_SENTENCES = 80


@dataclass(frozen=True)
class Unit:
    """A stretch of the answer with its vector, token vectors and stems."""

    span: Span
    vector: np.ndarray
    tokens: np.ndarray  # (n, dim) unit-length token vectors
    stems: frozenset[str]
    single: bool = True  # one sentence (conflicts are judged on single sentences only)
    members: tuple[int, ...] = ()  # indices of the sentences it spans


def split_answer(answer: str) -> list[Span]:
    return sentences(answer)[:MAX_SENTENCES]


def combine(units: list[Unit], answer: str) -> Unit:
    """One unit spanning several (vectors averaged, stems pooled)."""
    start, end = units[0].span.start, units[-1].span.end
    vector = np.sum([u.vector for u in units], axis=0)
    vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
    stem_set = frozenset().union(*(u.stems for u in units))
    span = Span(answer[start:end], start, end)
    members = tuple(m for u in units for m in u.members)
    empty = np.zeros((0, vector.shape[-1]), dtype=np.float32)
    return Unit(span, vector.astype(np.float32), empty, stem_set, len(units) == 1, members)


def candidate_units(sentence_units: list[Unit], answer: str) -> list[Unit]:
    """Sentences, adjacent pairs, and (for short answers) the whole answer."""
    found = list(sentence_units)
    found += [combine(sentence_units[i : i + 2], answer) for i in range(len(sentence_units) - 1)]
    if 2 < len(sentence_units) <= 8:
        found.append(combine(sentence_units, answer))
    return found


class UnitIndex:
    """Matrices over an answer's units, so a claim is compared with all of them at once."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        sentences_ = [u for u in units if u.single]
        self.vectors = np.stack([u.vector for u in units])
        dim = self.vectors.shape[1]
        blocks = [u.tokens for u in sentences_]
        self.tokens = np.concatenate(blocks) if blocks else np.zeros((0, dim), np.float32)
        self.starts = np.cumsum([0] + [len(b) for b in blocks[:-1]])
        self.has_tokens = np.array([len(b) > 0 for b in blocks], dtype=bool)
        self.members = [list(u.members) for u in units]
        self.stems = [u.stems for u in units]
        n = len(blocks)
        # candidate_units lays units out as: sentences, adjacent pairs, then maybe the whole.
        self._layout = len(units) == n + max(0, n - 1) + (1 if len(units) > 2 * n - 1 else 0)

    def cosines(self, vector: np.ndarray) -> np.ndarray:
        result: np.ndarray = self.vectors @ vector
        return result

    def alignment(self, tokens: np.ndarray) -> np.ndarray:
        """Per unit: mean over the claim's tokens of the best-matching answer token."""
        if not len(tokens) or not len(self.tokens):
            return np.zeros(len(self.units))
        sims = tokens @ self.tokens.T  # (claim tokens, answer tokens)
        per_sentence = np.maximum.reduceat(sims, self.starts, axis=1)
        per_sentence[:, ~self.has_tokens] = -1.0
        if self._layout:
            parts = [per_sentence, np.maximum(per_sentence[:, :-1], per_sentence[:, 1:])]
            if len(self.units) > 2 * per_sentence.shape[1] - 1:
                parts.append(per_sentence.max(axis=1, keepdims=True))
            per_unit = np.concatenate(parts, axis=1)
        else:
            per_unit = np.stack([per_sentence[:, m].max(axis=1) for m in self.members], axis=1)
        result: np.ndarray = per_unit.mean(axis=0)
        return result
