"""Exporters: questions to an Anki package, SPEC §3 Markdown files or JSON. Pure: they
take Question objects and write files; choosing which questions is mlcoach.transfer's job.
"""

from __future__ import annotations

from mlcoach.domain import KeyPoint, Question


def key_points_of(question: Question) -> tuple[KeyPoint, ...]:
    """The question's key points, or ones derived from its answer (marked derived)."""
    if question.key_points:
        return question.key_points
    from mlcoach.engine.rubric import reference_points

    return reference_points(question.answer) if question.answer.strip() else ()


__all__ = ["key_points_of"]
