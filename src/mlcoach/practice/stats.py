"""Progress statistics from a user's history: reviews, retention, forecast, mastery, readiness.

Pure: a History (cards, reviews, attempts), the questions and an injected `now` in; plain
dicts out. Days are counted in the user's time zone (`tz`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from mlcoach.domain import Attempt, CardState, Question, Review, Role, RoleGuide
from mlcoach.practice.scheduling import CardScheduler, Rating

GRADED_SOURCES = frozenset({"drill", "mock", "question"})  # not probes on a single point
RECENT_GRADES = 3  # the last few grades of a question say how well it is known now
CONFIDENT_AT = 5  # questions practised in a topic before its mastery counts in full
HORIZON = timedelta(days=7)  # mastery asks "would you recall it a week from now?"


@dataclass(frozen=True)
class History:
    cards: Sequence[CardState] = ()
    reviews: Sequence[Review] = ()
    attempts: Sequence[Attempt] = ()


def attempt_score(attempt: Attempt) -> float:
    """The score the user ends up with: the overridden one when they corrected the grader."""
    overridden = attempt.overrides.get("score") if attempt.overrides else None
    return float(overridden if overridden is not None else attempt.grade.get("score", 0.0))


def day_of(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def reviews_per_day(
    reviews: Sequence[Review], *, now: datetime, tz: tzinfo, days: int = 30
) -> list[dict[str, Any]]:
    """The last `days` days, oldest first, with zero-review days included."""
    today = day_of(now, tz)
    counts: Counter[date] = Counter()
    again: Counter[date] = Counter()
    for review in reviews:
        day = day_of(review.reviewed_at, tz)
        counts[day] += 1
        again[day] += review.rating == Rating.AGAIN
    span = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
    return [{"date": d.isoformat(), "reviews": counts[d], "again": again[d]} for d in span]


def retention(reviews: Sequence[Review]) -> float | None:
    """The share of reviews not rated Again (None before the first review)."""
    if not reviews:
        return None
    return round(sum(r.rating != Rating.AGAIN for r in reviews) / len(reviews), 4)


def due_forecast(
    cards: Sequence[CardState], *, now: datetime, tz: tzinfo, days: int = 14
) -> list[dict[str, Any]]:
    """Cards due on each of the next `days` days; today includes everything overdue."""
    today = day_of(now, tz)
    counts: Counter[int] = Counter()
    for card in cards:
        offset = max(0, (day_of(card.due, tz) - today).days)
        if offset < days:
            counts[offset] += 1
    return [
        {"date": (today + timedelta(days=n)).isoformat(), "due": counts[n]} for n in range(days)
    ]


def streak(reviews: Sequence[Review], *, now: datetime, tz: tzinfo) -> int:
    """Consecutive days with a review, ending today (or yesterday, if today has none yet)."""
    days = {day_of(r.reviewed_at, tz) for r in reviews}
    day = day_of(now, tz)
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def question_mastery(
    history: History, *, scheduler: CardScheduler, now: datetime
) -> dict[str, float]:
    """Per practised question, 0-1: the mean of its FSRS retrievability a week from now (so
    a card just relearned is not counted as known) and its recent grades (each on 0-1),
    using whichever of the two exists."""
    recall = {
        c.question_id: scheduler.retrievability(c, now=now + HORIZON)
        for c in history.cards
        if c.fsrs.get("last_review")
    }
    grades: dict[str, list[float]] = defaultdict(list)
    for attempt in sorted(history.attempts, key=lambda a: a.submitted_at, reverse=True):
        if attempt.source in GRADED_SOURCES and len(grades[attempt.question_id]) < RECENT_GRADES:
            grades[attempt.question_id].append(attempt_score(attempt) / 5.0)
    mastery = {}
    for qid in recall.keys() | grades.keys():
        parts = [recall[qid]] if qid in recall else []
        if grades.get(qid):
            parts.append(sum(grades[qid]) / len(grades[qid]))
        mastery[qid] = sum(parts) / len(parts)
    return mastery


def topic_mastery(
    history: History,
    questions: Mapping[str, Question],
    *,
    scheduler: CardScheduler,
    now: datetime,
) -> dict[str, dict[str, Any]]:
    """Per topic: mean mastery of its practised questions, how many, and out of how many."""
    per_question = question_mastery(history, scheduler=scheduler, now=now)
    totals = Counter(q.topic for q in questions.values())
    values: dict[str, list[float]] = defaultdict(list)
    for qid, value in per_question.items():
        if qid in questions:
            values[questions[qid].topic].append(value)
    return {
        topic: {
            "mastery": round(sum(values[topic]) / len(values[topic]), 4) if values[topic] else 0.0,
            "practised": len(values[topic]),
            "questions": totals[topic],
        }
        for topic in sorted(totals.keys() | values.keys())
    }


def readiness(guide: RoleGuide, mastery: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Weighted mastery over the role's topics; a topic practised on fewer than CONFIDENT_AT
    questions counts in proportion. Topics without drillable questions (coding) are listed
    as not measured and the other weights renormalised."""
    measured = {t: w for t, w in guide.topic_weights.items() if mastery.get(t, {}).get("questions")}
    total = sum(measured.values())
    by_topic = {}
    for topic in measured:
        row = mastery[topic]
        by_topic[topic] = round(row["mastery"] * min(1.0, row["practised"] / CONFIDENT_AT), 4)
    score = sum(measured[t] * v for t, v in by_topic.items()) / total if total else 0.0
    return {
        "score": round(score, 4),
        "by_topic": by_topic,
        "not_measured": sorted(set(guide.topic_weights) - set(measured)),
    }


def build_stats(
    history: History,
    questions: Mapping[str, Question],
    guides: Mapping[Role, RoleGuide],
    *,
    scheduler: CardScheduler,
    now: datetime,
    tz: tzinfo,
) -> dict[str, Any]:
    """Everything `mlcoach stats` shows, as one JSON-ready document."""
    mastery = topic_mastery(history, questions, scheduler=scheduler, now=now)
    recent = [r for r in history.reviews if now - r.reviewed_at <= timedelta(days=30)]
    return {
        "generated_at": now.isoformat(),
        "cards": len(history.cards),
        "reviews": len(history.reviews),
        "reviews_per_day": reviews_per_day(history.reviews, now=now, tz=tz),
        "retention": retention(history.reviews),
        "retention_30d": retention(recent),
        "due_forecast": due_forecast(history.cards, now=now, tz=tz),
        "streak": streak(history.reviews, now=now, tz=tz),
        "topics": mastery,
        "readiness": {role.value: readiness(g, mastery) for role, g in guides.items()},
    }
