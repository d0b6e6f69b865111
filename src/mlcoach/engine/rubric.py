"""What an answer is graded against: key points, red flags, the question and a reference."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlcoach.domain import KeyPoint, Kind, Question
from mlcoach.engine.text import sentences, words

_SAYS = re.compile(
    r"^(?:says|claims|states|thinks|believes|assumes|suggests|argues|insists|answers)"
    r"(?:\s+that)?\s+",
    re.I,
)


@dataclass(frozen=True)
class Rubric:
    points: tuple[KeyPoint, ...]
    red_flags: tuple[str, ...] = ()
    question: str = ""
    reference: str = ""
    kind: Kind = Kind.CONCEPT

    @classmethod
    def from_question(cls, question: Question) -> Rubric:
        points = question.key_points or reference_points(question.answer)
        return cls(points, question.red_flags, question.title, question.answer, question.kind)

    @classmethod
    def from_reference(
        cls, reference: str, *, question: str = "", key_points: list[str] | None = None
    ) -> Rubric:
        """A rubric from free text; '!' marks an essential key point if points are given."""
        if key_points:
            points = tuple(
                KeyPoint(p.removeprefix("!").strip(), p.startswith("!"))
                for p in key_points
                if p.strip("! ")
            )
        else:
            points = reference_points(reference)
        return cls(points, (), question, reference, Kind.CONCEPT)


def reference_points(reference: str) -> tuple[KeyPoint, ...]:
    """Split a reference answer into checkable points: its sentences, long ones at ';'."""
    found: list[KeyPoint] = []
    for span in sentences(_plain(reference)):
        for piece in re.split(r";\s+", span.text):
            if len(words(piece)) >= 2:
                found.append(KeyPoint(piece.strip(), essential=False, derived=True))
    if not found and reference.strip():
        found.append(KeyPoint(reference.strip(), essential=False, derived=True))
    return tuple(found[:12])


def claim_of(red_flag: str) -> str:
    """The misconception itself: 'Says L2 makes weights zero.' -> 'L2 makes weights zero.'"""
    return _SAYS.sub("", red_flag.strip())


def _plain(markdown: str) -> str:
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"^\s*\|.*\|\s*$", " ", text, flags=re.M)
    text = re.sub(r"\$+([^$]*)\$+", r"\1", text)
    return re.sub(r"[*_`#>]", "", text)
