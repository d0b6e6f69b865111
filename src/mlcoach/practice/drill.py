"""A drill session: which card comes next, at what pace new ones come in, and a summary.

Pure: cards, questions and times in; picks, results and a summary out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from mlcoach.domain import CardState, Kind, Level, Question, Role
from mlcoach.practice.scheduling import Rating

LEVEL_ORDER = {Level.JUNIOR: 0, Level.MID: 1, Level.SENIOR: 2}
OFF_ROLE_WEIGHT = 0.01  # topics a role guide does not weigh still come, after the rest


@dataclass(frozen=True)
class DrillFilter:
    """Restricts a drill to a topic, a role and a level (None means any)."""

    topic: str | None = None
    role: Role | None = None
    level: Level | None = None

    def accepts(self, question: Question) -> bool:
        return (
            practisable(question)
            and (self.topic is None or self.topic in question.topics)
            and (self.role is None or self.role in question.roles)
            and (self.level is None or question.level == self.level)
        )


def practisable(question: Question) -> bool:
    """Questions answered in words (coding problems are run, not drilled)."""
    return question.kind is not Kind.CODING and bool(question.key_points or question.answer)


def new_card_order(
    questions: Iterable[Question],
    *,
    seen: set[str],
    weights: Mapping[str, float] | None = None,
    topic_order: Sequence[str] = (),
) -> list[Question]:
    """Unseen questions in the order to introduce them.

    Every topic the user has not seen yet comes first (heaviest first); then topics take
    turns in proportion to their weight (equal without a role), counting what the user
    has already seen; ties go in `topic_order` (the taxonomy's), then alphabetically;
    inside a topic, easier levels first.
    """
    rank = {topic: n for n, topic in enumerate(topic_order)}
    by_topic: dict[str, list[Question]] = {}
    seen_per_topic: Counter[str] = Counter()
    for q in questions:
        if q.id in seen:
            seen_per_topic[q.topic] += 1
        else:
            by_topic.setdefault(q.topic, []).append(q)
    for items in by_topic.values():
        items.sort(key=lambda q: (LEVEL_ORDER[q.level], q.id), reverse=True)

    def weight(topic: str) -> float:
        if not weights:
            return 1.0
        return weights.get(topic, 0.0) or OFF_ROLE_WEIGHT

    order: list[Question] = []
    while by_topic:
        topic = max(
            by_topic,
            key=lambda t: (
                seen_per_topic[t] == 0 and weight(t) > OFF_ROLE_WEIGHT,
                weight(t) / (seen_per_topic[t] + 1),
                -rank.get(t, len(rank)),
                _neg(t),
            ),
        )
        order.append(by_topic[topic].pop())
        seen_per_topic[topic] += 1
        if not by_topic[topic]:
            del by_topic[topic]
    return order


def _neg(text: str) -> tuple[int, ...]:
    """A key that sorts strings in reverse, so max() breaks ties alphabetically."""
    return tuple(-ord(c) for c in text)


def introduced_on(first_reviews: Mapping[str, datetime], day: Any, tz: tzinfo) -> int:
    """How many cards had their first review on `day` (a date in the user's time zone)."""
    return sum(1 for moment in first_reviews.values() if moment.astimezone(tz).date() == day)


@dataclass(frozen=True)
class Pick:
    question_id: str
    card: CardState | None  # None: a new card, created at its first review
    is_new: bool


@dataclass(frozen=True)
class CardResult:
    question_id: str
    topic: str
    is_new: bool
    score: float | None  # None: the user revealed the answer without trying
    suggested: Rating
    rating: Rating
    seconds: float
    next_due: datetime


@dataclass
class DrillSession:
    """A drill in progress: the filter, the card limit, the new-card allowance left."""

    filter: DrillFilter
    limit: int
    new_allowed: int
    started_at: datetime
    results: list[CardResult] = field(default_factory=list)

    @property
    def done(self) -> int:
        return len(self.results)

    @property
    def new_left(self) -> int:
        return max(0, self.new_allowed - sum(r.is_new for r in self.results))

    def next(
        self,
        *,
        due: Iterable[CardState],
        new: Iterable[Question],
        questions: Mapping[str, Question],
    ) -> Pick | None:
        """Due cards first (oldest due first), then new ones while the allowance lasts."""
        if self.done >= self.limit:
            return None
        for card in due:
            question = questions.get(card.question_id)
            if question is not None and self.filter.accepts(question):
                return Pick(card.question_id, card, False)
        if self.new_left <= 0:
            return None
        for question in new:
            if self.filter.accepts(question):
                return Pick(question.id, None, True)
        return None

    def record(self, result: CardResult) -> None:
        self.results.append(result)

    def summary(self, *, now: datetime) -> dict[str, Any]:
        scored = [r.score for r in self.results if r.score is not None]
        ratings = Counter(r.rating.label for r in self.results)
        seconds = [r.seconds for r in self.results]
        return {
            "cards": self.done,
            "new": sum(r.is_new for r in self.results),
            "reviews": sum(not r.is_new for r in self.results),
            "revealed": sum(r.score is None for r in self.results),
            "mean_score": round(sum(scored) / len(scored), 2) if scored else None,
            "ratings": {r.label: ratings.get(r.label, 0) for r in Rating},
            "seconds": round((now - self.started_at).total_seconds(), 1),
            "seconds_per_card": round(sum(seconds) / len(seconds), 1) if seconds else None,
            "topics": dict(Counter(r.topic for r in self.results)),
        }
