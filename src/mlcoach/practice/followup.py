"""The follow-up an interviewer asks after an answer, chosen from what the answer missed.

First choice: one of the item's follow-up questions from the bank that is about a missed
point. Otherwise, if an essential point was missed: a probe on that one point, graded
against it alone. If nothing was missed, the interviewer moves on.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mlcoach.domain import Grade, Kind
from mlcoach.engine.text import stems
from mlcoach.practice.mock_plan import PlannedQuestion

MIN_SHARED_STEMS = 2  # a bank follow-up must share this many word stems with a missed point
PROBE_LIMIT_S = 120
MIN_FOLLOW_UP_S = 60  # no follow-up when less than this is left of the interview


class TurnKind(StrEnum):
    MAIN = "main"
    FOLLOW_UP = "follow_up"  # a bank question listed as a follow-up of the main one
    PROBE = "probe"  # a question on one missed essential point of the main one


@dataclass(frozen=True)
class FollowUp:
    kind: TurnKind
    question_id: str  # the bank follow-up, or the main question for a probe
    title: str
    prompt: str
    limit_s: int
    point: str | None = None  # the probed key point

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "kind": self.kind.value}


def choose_follow_up(
    planned: PlannedQuestion,
    grade: Grade,
    *,
    asked: Collection[str],
    remaining_s: float,
) -> FollowUp | None:
    missed = [p for p in grade.points if not p.covered]
    if not missed or remaining_s < MIN_FOLLOW_UP_S or planned.kind == Kind.CODING.value:
        return None  # a failing hidden test is reported, not probed
    wanted: dict[str, int] = {}
    for point in missed:
        for stem in set(stems(point.text)):
            wanted[stem] = wanted.get(stem, 0) + (2 if point.essential else 1)
    best, best_score = None, 0
    for option in planned.follow_ups:
        if option.question_id in asked or option.limit_s > remaining_s:
            continue
        shared = set(stems(option.text)) & wanted.keys()
        score = sum(wanted[s] for s in shared)
        if len(shared) >= MIN_SHARED_STEMS and score > best_score:
            best, best_score = option, score
    if best is not None:
        return FollowUp(TurnKind.FOLLOW_UP, best.question_id, best.title, best.title, best.limit_s)
    essential = next((p for p in missed if p.essential), None)
    if essential is None:
        return None
    return FollowUp(
        TurnKind.PROBE,
        planned.question_id,
        planned.title,
        probe_prompt(essential.text),
        int(min(PROBE_LIMIT_S, remaining_s)),
        essential.text,
    )


def probe_prompt(point: str) -> str:
    """A question that points at the missed idea without giving it away: the start of the
    point, for the candidate to complete and explain."""
    found = point.strip().rstrip(".").split()
    keep = max(2, min(8, len(found) // 3)) if len(found) > 4 else 2
    return (
        "Your answer left out something an interviewer would expect here. "
        f"Complete this and explain it: “{' '.join(found[:keep])} …”"
    )
