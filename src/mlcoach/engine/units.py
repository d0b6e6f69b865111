"""Answer units the grader compares key points with: sentences, sentence pairs, the whole."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlcoach.engine.text import Span, sentences, stems

MAX_SENTENCES = 80


@dataclass(frozen=True)
class Unit:
    """A stretch of the answer with its vector, token vectors and stems."""

    span: Span
    vector: np.ndarray
    tokens: np.ndarray  # (n, dim) unit-length token vectors
    stems: frozenset[str]
    single: bool = True  # one sentence (conflicts are judged on single sentences only)


def split_answer(answer: str) -> list[Span]:
    return sentences(answer)[:MAX_SENTENCES]


def combine(units: list[Unit], answer: str) -> Unit:
    """One unit spanning several (vectors averaged, tokens and stems pooled)."""
    start, end = units[0].span.start, units[-1].span.end
    vector = np.sum([u.vector for u in units], axis=0)
    vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
    tokens = np.concatenate([u.tokens for u in units]) if units else np.zeros((0, 1))
    stem_set = frozenset().union(*(u.stems for u in units))
    span = Span(answer[start:end], start, end)
    return Unit(span, vector.astype(np.float32), tokens, stem_set, single=len(units) == 1)


def candidate_units(sentence_units: list[Unit], answer: str) -> list[Unit]:
    """Sentences, adjacent pairs, and (for short answers) the whole answer."""
    found = list(sentence_units)
    found += [combine(sentence_units[i : i + 2], answer) for i in range(len(sentence_units) - 1)]
    if 2 < len(sentence_units) <= 8:
        found.append(combine(sentence_units, answer))
    return found


def stem_set(text: str) -> frozenset[str]:
    return frozenset(stems(text))
