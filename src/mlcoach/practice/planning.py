"""A daily plan from today to the interview: new questions, expected reviews, mocks.

Pure. New questions are introduced in `new_card_order` (every topic of the target role
first), at the user's daily pace or faster when that is what it takes to see every topic
in time. Reviews are forecast by replaying FSRS as if every review were rated Good.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from mlcoach.domain import CardState, Question, RoleGuide
from mlcoach.errors import MlcoachError
from mlcoach.practice.drill import new_card_order, practisable
from mlcoach.practice.scheduling import CardScheduler, Rating

MOCK_EVERY_DAYS = 3
MOCK_MINUTES = 45
MAX_DAYS = 366


@dataclass(frozen=True)
class PlanDay:
    day: date
    new: int
    topics: dict[str, int]
    reviews: int
    mock: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "new": self.new,
            "topics": dict(self.topics),
            "reviews": self.reviews,
            "mock": self.mock,
        }


@dataclass(frozen=True)
class StudyPlan:
    role: str
    interview_date: date
    days_left: int
    new_per_day: int
    days: tuple[PlanDay, ...]
    topics_first_seen: dict[str, str | None]  # topic -> date it is first seen (None: never)
    warnings: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "interview_date": self.interview_date.isoformat(),
            "days_left": self.days_left,
            "new_per_day": self.new_per_day,
            "mock_minutes": MOCK_MINUTES,
            "days": [d.to_dict() for d in self.days],
            "topics_first_seen": dict(self.topics_first_seen),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class PlanContext:
    today: date
    now: datetime
    tz: tzinfo
    seen: frozenset[str]  # questions the user has practised
    cards: Sequence[CardState]
    last_mock: date | None = None


def role_questions(guide: RoleGuide, questions: Mapping[str, Question]) -> list[Question]:
    """Drillable questions for the role's weighted topics."""
    return [
        q
        for q in questions.values()
        if practisable(q) and guide.role in q.roles and q.topic in guide.topic_weights
    ]


def build_study_plan(
    guide: RoleGuide,
    questions: Mapping[str, Question],
    *,
    interview: date,
    new_per_day: int,
    context: PlanContext,
    scheduler: CardScheduler,
) -> StudyPlan:
    days_left = (interview - context.today).days
    if days_left < 1:
        raise MlcoachError(f"the interview date {interview} is not after today ({context.today})")
    if days_left > MAX_DAYS:
        raise MlcoachError(f"the interview date {interview} is more than a year away")
    pool = role_questions(guide, questions)
    topics = sorted({q.topic for q in pool})
    unseen = [t for t in topics if not any(q.topic == t and q.id in context.seen for q in pool)]
    study = [context.today + timedelta(days=n) for n in range(days_left)]
    new_days = study[:-1] if len(study) >= 3 else study  # the eve of the interview: reviews only
    pace = max(new_per_day, math.ceil(len(unseen) / len(new_days)))
    warnings = []
    if pace > new_per_day:
        warnings.append(
            f"to see all {len(topics)} topics of the role before {interview}, this plan "
            f"introduces {pace} new questions a day (your setting is {new_per_day})"
        )
    order = new_card_order(
        pool, seen=set(context.seen), weights=guide.topic_weights, topic_order=topics
    )
    introduced: dict[date, list[Question]] = {}
    for day in new_days:
        introduced[day], order = order[:pace], order[pace:]
    reviews = _forecast(context, introduced, scheduler, until=interview)
    mocks = _mock_days(study, interview, context.last_mock)
    days = tuple(
        PlanDay(
            day,
            len(introduced.get(day, [])),
            dict(Counter(q.topic for q in introduced.get(day, []))),
            reviews.get(day, 0),
            day in mocks,
        )
        for day in study
    )
    first_seen = _first_seen(topics, unseen, introduced, context.today)
    missing = [t for t, d in first_seen.items() if d is None]
    if missing:
        warnings.append(f"not seen before the interview: {', '.join(missing)}")
    return StudyPlan(
        guide.role.value, interview, days_left, pace, days, first_seen, tuple(warnings)
    )


def _first_seen(
    topics: list[str], unseen: list[str], introduced: dict[date, list[Question]], today: date
) -> dict[str, str | None]:
    found: dict[str, str | None] = {t: today.isoformat() for t in topics if t not in unseen}
    for day, items in sorted(introduced.items()):
        for q in items:
            found.setdefault(q.topic, day.isoformat())
    return {t: found.get(t) for t in topics}


def _mock_days(study: list[date], interview: date, last_mock: date | None) -> set[date]:
    """Every MOCK_EVERY_DAYS days counting back from the eve of the interview, skipping a
    day too close to a mock already done."""
    chosen = set()
    day = interview - timedelta(days=1)
    while day >= study[0]:
        if last_mock is None or (day - last_mock).days >= MOCK_EVERY_DAYS:
            chosen.add(day)
        day -= timedelta(days=MOCK_EVERY_DAYS)
    return chosen


def _forecast(
    context: PlanContext,
    introduced: dict[date, list[Question]],
    scheduler: CardScheduler,
    *,
    until: date,
) -> Counter[date]:
    """Reviews per day, replaying each card with Good ratings until the interview."""
    counts: Counter[date] = Counter()
    end = _noon(until, context.tz)
    for card in context.cards:
        counts += _replay(card, max(card.due, context.now), end, context.tz, scheduler)
    for day, items in introduced.items():
        start = max(_noon(day, context.tz), context.now)
        for q in items:
            fresh = scheduler.new(0, q.id, now=start)
            first, _ = scheduler.review(fresh, Rating.GOOD, now=start)
            counts += _replay(first, first.due, end, context.tz, scheduler)
    return counts


def _replay(
    card: CardState, when: datetime, end: datetime, tz: tzinfo, scheduler: CardScheduler
) -> Counter[date]:
    counts: Counter[date] = Counter()
    for _ in range(MAX_DAYS * 4):  # Good always moves the due date on; this only bounds it
        if when >= end:
            break
        counts[when.astimezone(tz).date()] += 1
        card, _ = scheduler.review(card, Rating.GOOD, now=when)
        when = max(card.due, when)
    return counts


def _noon(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(12), tzinfo=tz).astimezone(UTC)
