"""The report at the end of a mock interview: scores, points, red flags, what to study next.

Pure: a finished (or stopped) MockInterview in, a JSON-ready dict out.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mlcoach.domain import Grade
from mlcoach.practice.followup import TurnKind
from mlcoach.practice.grades import grade_from_dict
from mlcoach.practice.mock import MockInterview, Turn

WEAK_TOPIC_SCORE = 3.5
STUDY_NEXT = 3


def build_report(interview: MockInterview) -> dict[str, Any]:
    graded = [t for t in interview.turns if t.answered and t.grade is not None]
    grades = {id(t): grade_from_dict(t.grade or {}) for t in graded}
    recovered = _recovered(graded, grades)
    items = [_item(interview, t, grades[id(t)], recovered) for t in graded]
    topics = _topics(items)
    mains = [i["score"] for i in items if i["kind"] == TurnKind.MAIN.value]
    asked_slots = {t.slot for t in interview.turns}
    end = interview.finished_at
    return {
        "role": interview.plan.role,
        "level": interview.plan.level,
        "score": round(sum(mains) / len(mains), 2) if mains else None,
        "questions": items,
        "topics": topics,
        "time": {
            "used_s": round(interview.elapsed(end) if end else interview.used_s, 1),
            "limit_s": interview.plan.minutes * 60,
            "end_reason": interview.end_reason.value if interview.end_reason else None,
        },
        "not_asked": [
            {"question_id": q.question_id, "title": q.title, "round": q.round}
            for n, q in enumerate(interview.plan.questions)
            if n not in asked_slots
        ],
        "missed_by_question": _missed_by_question(items),
        "due_now": sorted({i["question_id"] for i in items if _missed_essential(i)}),
        "study_next": _study_next(items, topics, interview.plan.topic_weights),
    }


def missed_essential_questions(interview: MockInterview) -> list[str]:
    """Questions (main or bank follow-up) whose answer missed an essential point: the
    cards the closed loop makes due now."""
    found = []
    for turn in interview.answered:
        if turn.kind is TurnKind.PROBE or turn.grade is None:
            continue
        if any(p["essential"] and not p["covered"] for p in turn.grade["points"]):
            found.append(turn.question_id)
    return sorted(set(found))


def _recovered(graded: list[Turn], grades: dict[int, Grade]) -> set[tuple[int, str]]:
    """(slot, point) pairs missed in a main answer and then covered in its probe."""
    return {
        (t.slot, t.point)
        for t in graded
        if t.kind is TurnKind.PROBE and t.point and any(p.covered for p in grades[id(t)].points)
    }


def _item(
    interview: MockInterview, turn: Turn, grade: Grade, recovered: set[tuple[int, str]]
) -> dict[str, Any]:
    planned = interview.plan.questions[turn.slot]
    topic = planned.topic
    if turn.kind is TurnKind.FOLLOW_UP:
        topic = next(
            (f.topic for f in planned.follow_ups if f.question_id == turn.question_id), topic
        )
    seconds = turn.seconds or 0.0
    return {
        "number": turn.slot + 1,
        "kind": turn.kind.value,
        "question_id": turn.question_id,
        "title": turn.title,
        "prompt": turn.prompt,
        "round": planned.round,
        "coding": turn.kind is TurnKind.MAIN and planned.kind == "coding",
        "topic": topic,
        "score": grade.score,
        "covered": [p.text for p in grade.points if p.covered],
        "missed": [
            {
                "text": p.text,
                "essential": p.essential,
                "recovered": turn.kind is TurnKind.MAIN and (turn.slot, p.text) in recovered,
            }
            for p in grade.points
            if not p.covered
        ],
        "red_flags": [f.text for f in grade.red_flags],
        "stated_misconceptions": [f.text for f in grade.red_flags if f.evidence is not None],
        "seconds": seconds,
        "limit_s": turn.limit_s,
        "over_time": seconds > turn.limit_s,
    }


def _topics(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    scores: dict[str, list[float]] = defaultdict(list)
    for item in items:
        if item["kind"] != TurnKind.PROBE.value:
            scores[item["topic"]].append(item["score"])
    return {
        topic: {"score": round(sum(values) / len(values), 2), "questions": len(values)}
        for topic, values in sorted(scores.items())
    }


def _missed_essential(item: dict[str, Any]) -> bool:
    return item["kind"] != TurnKind.PROBE.value and any(m["essential"] for m in item["missed"])


def _missed_by_question(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "question_id": item["question_id"],
            "title": item["title"],
            "essential": [m["text"] for m in item["missed"] if m["essential"]],
            "recovered": [m["text"] for m in item["missed"] if m["recovered"]],
            "other": [m["text"] for m in item["missed"] if not m["essential"]],
            "due_now": _missed_essential(item),
        }
        for item in items
        if item["kind"] != TurnKind.PROBE.value and item["missed"]
    ]


def _study_next(
    items: list[dict[str, Any]],
    topics: dict[str, dict[str, Any]],
    weights: dict[str, float],
) -> list[dict[str, Any]]:
    """Missed essential points first (never recovered before recovered, weak and heavily
    weighted topics first), then misconceptions stated, then the weakest topics."""
    found: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for item in items:
        if item["kind"] == TurnKind.PROBE.value:
            continue
        rank = (topics[item["topic"]]["score"], -weights.get(item["topic"], 0.0))
        for miss in item["missed"]:
            if miss["essential"]:
                why = "hidden test failed" if item["coding"] else "essential point missed"
                entry = _entry(item, miss["text"], why)
                found.append(((0, miss["recovered"], *rank), entry))
        for flag in item["stated_misconceptions"]:
            found.append(((1, False, *rank), _entry(item, flag, "misconception stated")))
    for topic, row in topics.items():
        if row["score"] < WEAK_TOPIC_SCORE:
            entry = {
                "question_id": None,
                "topic": topic,
                "what": f"the {topic} topic",
                "why": f"scored {row['score']:.1f}/5",
            }
            found.append(((2, False, row["score"], -weights.get(topic, 0.0)), entry))
    ranked = [entry for _, entry in sorted(found, key=lambda pair: pair[0])]
    chosen: list[dict[str, Any]] = []
    for distinct in (True, False):  # one thing per question first, then fill up
        for entry in ranked:
            if len(chosen) == STUDY_NEXT:
                return chosen
            if entry in chosen or (entry["question_id"] is None and _covers(chosen, entry)):
                continue
            if distinct and any(c["question_id"] == entry["question_id"] for c in chosen):
                continue
            chosen.append(entry)
    return chosen


def _entry(item: dict[str, Any], what: str, why: str) -> dict[str, Any]:
    return {"question_id": item["question_id"], "topic": item["topic"], "what": what, "why": why}


def _covers(chosen: list[dict[str, Any]], entry: dict[str, Any]) -> bool:
    """A weak topic is not listed again when an entry on that topic is already there."""
    return any(c["topic"] == entry["topic"] for c in chosen)
