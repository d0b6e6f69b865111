"""Grades as the practice loop uses them: stored as dicts, overridden by the user, summarised.

The grader is a black box here: a `Grade` comes in, and the only thing recomputed is the
effect of the user saying "I did say this" about a key point the grader marked missed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mlcoach.domain import Evidence, Grade, PointResult, RedFlagHit

if TYPE_CHECKING:
    from mlcoach.coding.results import RunResult

ESSENTIAL_WEIGHT = 2.0
PENALTY_PER_STATED_RED_FLAG = 1.0


def grade_from_dict(data: dict[str, Any]) -> Grade:
    """The inverse of Grade.to_dict() (grades are stored as JSON)."""
    return Grade(
        score=float(data["score"]),
        points=tuple(
            PointResult(
                str(p["text"]),
                bool(p.get("essential")),
                bool(p.get("covered")),
                float(p.get("similarity", 0.0)),
                _evidence(p.get("evidence")),
            )
            for p in data.get("points", ())
        ),
        red_flags=tuple(
            RedFlagHit(str(f["text"]), _evidence(f.get("evidence")))
            for f in data.get("red_flags", ())
        ),
        feedback=str(data.get("feedback", "")),
    )


def _evidence(data: Any) -> Evidence | None:
    if not isinstance(data, dict):
        return None
    return Evidence(str(data["text"]), int(data["start"]), int(data["end"]))


def missed(grade: Grade, *, essential_only: bool = False) -> list[PointResult]:
    return [p for p in grade.points if not p.covered and (p.essential or not essential_only)]


def overrides_dict(covered: Iterable[int], grade: Grade) -> dict[str, Any]:
    """What AttemptRepo.set_overrides stores: the points the user says they covered."""
    indices = sorted(set(covered))
    return {
        "covered": indices,
        "texts": [grade.points[i].text for i in indices],
        "score": apply_overrides(grade, indices).score,
    }


def apply_overrides(grade: Grade, covered: Iterable[int]) -> Grade:
    """The grade with the given missed points marked covered and the score recomputed.

    The new score is the coverage score (essential points weigh double; a stated red flag
    costs a point; a still-missed essential point caps it at 3.4, two at 2.5), never
    lower than the grader's own score: an override can only add what the user said.
    """
    indices = {i for i in covered if 0 <= i < len(grade.points) and not grade.points[i].covered}
    if not indices:
        return grade
    points = tuple(
        replace(p, covered=True) if i in indices else p for i, p in enumerate(grade.points)
    )
    return replace(grade, points=points, score=max(grade.score, coverage_score(grade, points)))


def coverage_score(grade: Grade, points: tuple[PointResult, ...]) -> float:
    weights = [ESSENTIAL_WEIGHT if p.essential else 1.0 for p in points]
    covered = sum(w for w, p in zip(weights, points, strict=True) if p.covered)
    score = 5.0 * covered / sum(weights) if weights else 0.0
    score -= PENALTY_PER_STATED_RED_FLAG * sum(1 for f in grade.red_flags if f.evidence)
    still_missed = sum(1 for p in points if p.essential and not p.covered)
    if still_missed:
        score = min(score, 3.4 if still_missed == 1 else 2.5)
    return round(max(0.0, min(5.0, score)), 2)


def coding_grade(result: RunResult) -> Grade:
    """A sandbox run as a Grade: each hidden test a key point (a failing test is what an
    interviewer marks down, so each is essential), the share passed as the 0-5 score."""
    points = tuple(
        PointResult(f"hidden test {t.name}", True, t.ok, 1.0 if t.ok else 0.0) for t in result.tests
    )
    flags = (RedFlagHit(f"The code did not run: {result.error}"),) if result.error else ()
    total = len(result.tests)
    score = 5.0 * result.passed / total if total and not result.error else 0.0
    failing = "; ".join(f"{t.name}: {t.message}" for t in result.tests if not t.ok and t.message)
    feedback = f"Passed {result.passed} of {total} hidden tests." + (
        f" Failing: {failing}" if failing else ""
    )
    return Grade(round(score, 2), points, flags, feedback)
