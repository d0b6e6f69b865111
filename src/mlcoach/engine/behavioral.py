"""Structure checks for behavioural answers: STAR parts, the candidate's own role, numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlcoach.domain import Evidence, RedFlagHit

_CUES = {
    "situation": r"\b(when i was|at my (?:previous|last|current|first)|in my (?:previous|last|"
    r"current|first)|our team|we had|the company|the situation|a few (?:years|months) ago|"
    r"last (?:year|quarter)|context|background|at the time|i was working|i joined)\b",
    "task": r"\b(my (?:goal|task|job|role|responsibility)|i was (?:responsible|asked|tasked|"
    r"hired)|i needed to|i had to|the goal was|the task was|i owned|objective|we needed to)\b",
    "action": r"\bi (?!was\b|am\b|think\b|feel\b|guess\b|believe\b|mean\b)[a-z']+",
    "result": r"\b(as a result|result(?:ed|s)?|led to|outcome|impact|reduc\w+|increas\w+|"
    r"improv\w+|cut|saved|grew|dropped|lifted|raised|shipped|launched|delivered)\b",
    "lesson": r"\b(i learn(?:ed|t)|lesson|in hindsight|next time|now i|since then|taught me|"
    r"i would (?:now|do)|looking back|i changed how|i now)\b",
}
_NUMBER = re.compile(r"\b\d[\d,.]*\s*(?:%|percent|x|ms|s|k|m|hours?|days?|weeks?|months?|"
                     r"people|engineers|users|points?)?|\$\s?\d")  # fmt: skip


@dataclass(frozen=True)
class Check:
    passed: bool
    evidence: Evidence | None


@dataclass(frozen=True)
class StarChecks:
    parts: dict[str, Check]
    quantified: Check
    first_person: int
    we_count: int


def _find(pattern: str, text: str, *, times: int = 1) -> Check:
    found = list(re.finditer(pattern, text, re.I))
    if len(found) < times:
        return Check(False, None)
    first = found[0]
    start, end = _sentence_around(text, first.start(), first.end())
    return Check(True, Evidence(text[start:end], start, end))


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return (left + 2 if left != -1 else 0), right


def star_checks(answer: str) -> StarChecks:
    parts = {
        name: _find(p, answer, times=2 if name == "action" else 1) for name, p in _CUES.items()
    }
    result = parts["result"]
    quantified = _quantified(answer, result)
    lowered = answer.lower()
    first_person = len(re.findall(r"\bi\b", lowered))
    we_count = len(re.findall(r"\b(?:we|our|us)\b", lowered))
    return StarChecks(parts, quantified, first_person, we_count)


def _quantified(answer: str, result: Check) -> Check:
    """A number near the result (or anywhere after the first third of the answer)."""
    tail_from = len(answer) // 3
    for match in _NUMBER.finditer(answer):
        if match.start() >= tail_from or (
            result.evidence and result.evidence.start <= match.start() <= result.evidence.end
        ):
            start, end = _sentence_around(answer, match.start(), match.end())
            return Check(True, Evidence(answer[start:end], start, end))
    return Check(False, None)


_POINT_RULES = (
    (("quantif", "number", "metric", "measur"), "quantified"),
    (
        ("personally", "i took", "own role", "my role", "own actions", "actions i", "i did"),
        "action",
    ),
    (("learn", "lesson", "differently", "hindsight"), "lesson"),
    (("situation", "context", "stakes"), "situation"),
    (("task", "goal", "responsib"), "task"),
    (("result", "outcome", "impact"), "result"),
)


def structural_point(point: str, star: StarChecks | None) -> Check | None:
    """The check a structural key point stands for ('Quantifies the result' -> numbers)."""
    if star is None:
        return None
    lowered = point.lower()
    if "star" in lowered.split():
        passed = all(star.parts[p].passed for p in ("situation", "task", "action", "result"))
        return Check(passed, star.parts["action"].evidence)
    for needles, part in _POINT_RULES:
        if any(n in lowered for n in needles):
            return star.quantified if part == "quantified" else star.parts[part]
    return None


def behavioral_flags(star: StarChecks) -> list[RedFlagHit]:
    flags = []
    if not star.quantified.passed:
        flags.append(RedFlagHit("No number shows the result (time, money, a metric)."))
    if star.first_person == 0 and star.we_count >= 2:
        flags.append(RedFlagHit("Says what 'we' did but never what you did yourself."))
    return flags
