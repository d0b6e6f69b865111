"""Plan a mock interview from a role guide: which rounds fit the time, which questions.

Pure: the role guide, the bank, the user's topic mastery and what they saw recently in; a
serialisable MockPlan out. The same seed gives the same plan.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median
from typing import Any

from mlcoach.domain import CodingProblem, Kind, Level, Question, RoleGuide, Round
from mlcoach.practice.drill import LEVEL_ORDER, practisable

ANSWER_EXTRA_S = 60  # reading the question and typing take longer than saying the answer
FOLLOW_UP_RESERVE_S = 120  # time kept for the follow-up a question may lead to
MAX_QUESTIONS = 40
RECENT = timedelta(days=7)  # questions seen this recently are asked only if nothing else fits
SOMEWHAT_RECENT = timedelta(days=30)
OFF_ROLE = 0.2
SAME_TOPIC = 0.35  # each earlier pick on a topic makes the next one on it less likely


@dataclass(frozen=True)
class FollowUpOption:
    """A bank question listed as a follow-up of a planned one."""

    question_id: str
    title: str
    topic: str
    limit_s: int
    text: str  # title and key points: what the follow-up is about

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FollowUpOption:
        return cls(**data)


@dataclass(frozen=True)
class PlannedQuestion:
    question_id: str
    title: str
    round: str
    topic: str
    kind: str
    limit_s: int
    points: tuple[tuple[str, bool], ...]  # key point text, essential
    follow_ups: tuple[FollowUpOption, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            **{k: v for k, v in self.__dict__.items() if k not in {"points", "follow_ups"}},
            "points": [[text, essential] for text, essential in self.points],
            "follow_ups": [f.to_dict() for f in self.follow_ups],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlannedQuestion:
        return cls(
            **{k: v for k, v in data.items() if k not in {"points", "follow_ups"}},
            points=tuple((str(t), bool(e)) for t, e in data["points"]),
            follow_ups=tuple(FollowUpOption.from_dict(f) for f in data["follow_ups"]),
        )


@dataclass(frozen=True)
class PlannedRound:
    name: str
    minutes: int  # in the real loop
    questions: int  # asked in this mock
    note: str | None = None  # why it is skipped or shortened

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class MockPlan:
    role: str
    level: str
    minutes: int
    seed: int
    rounds: tuple[PlannedRound, ...]
    questions: tuple[PlannedQuestion, ...]
    topic_weights: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "level": self.level,
            "minutes": self.minutes,
            "seed": self.seed,
            "rounds": [r.to_dict() for r in self.rounds],
            "questions": [q.to_dict() for q in self.questions],
            "topic_weights": dict(self.topic_weights),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MockPlan:
        return cls(
            role=data["role"],
            level=data["level"],
            minutes=int(data["minutes"]),
            seed=int(data["seed"]),
            rounds=tuple(PlannedRound(**r) for r in data["rounds"]),
            questions=tuple(PlannedQuestion.from_dict(q) for q in data["questions"]),
            topic_weights={str(k): float(v) for k, v in data["topic_weights"].items()},
        )


@dataclass(frozen=True)
class PlanInputs:
    """What the plan adapts to: the user's mastery per topic (0-1) and when they last
    answered each question."""

    mastery: Mapping[str, float]
    last_seen: Mapping[str, datetime]
    now: datetime


def answer_limit(question: Question) -> int:
    return question.minutes * 60 + ANSWER_EXTRA_S


def cost(question: Question) -> int:
    return answer_limit(question) + FOLLOW_UP_RESERVE_S


def build_plan(
    guide: RoleGuide,
    *,
    level: Level,
    minutes: int,
    questions: Mapping[str, Question],
    inputs: PlanInputs,
    seed: int,
    coding: Mapping[str, CodingProblem] | None = None,
    no_coding: str = "practise it with `mlcoach code`",
) -> MockPlan:
    """Rounds share the time in proportion to their length in the real loop; inside a round,
    questions on weak topics, at the right level and not seen recently are favoured.

    Coding rounds use `coding` problems when given (the caller runs them in the sandbox);
    without them they are skipped, with `no_coding` saying why in the round's note.
    """
    pool = [q for q in questions.values() if practisable(q)]
    pool += [_as_question(p) for p in (coding or {}).values()]
    rounds, candidates, notes = _eligible_rounds(guide, level, pool, no_coding)
    slots = _allocate(rounds, candidates, minutes * 60)
    chooser = _Chooser(guide, level, inputs, random.Random(seed), minutes * 60)
    planned: list[PlannedQuestion] = []
    for rnd in rounds:
        for question in chooser.pick(candidates[rnd.name], slots[rnd.name]):
            planned.append(_planned(question, rnd, questions))
    main_ids = {q.question_id for q in planned}
    planned = [_without_main_follow_ups(q, main_ids) for q in planned]
    summary = []
    for rnd in guide.rounds:
        count = sum(q.round == rnd.name for q in planned)
        note = notes.get(rnd.name)
        if count == 0 and note is None:
            note = _too_long_note(rnd, candidates.get(rnd.name, []))
        summary.append(PlannedRound(rnd.name, rnd.minutes, count, note))
    return MockPlan(
        guide.role.value,
        level.value,
        minutes,
        seed,
        tuple(summary),
        tuple(planned),
        dict(guide.topic_weights),
    )


def _eligible_rounds(
    guide: RoleGuide, level: Level, pool: list[Question], no_coding: str
) -> tuple[list[Round], dict[str, list[Question]], dict[str, str]]:
    coding = any(q.kind is Kind.CODING for q in pool)
    rounds, candidates, notes = [], {}, {}
    for rnd in guide.rounds:
        found = [
            q
            for q in pool
            if q.kind in rnd.kinds
            and set(q.topics) & set(rnd.topics)
            and LEVEL_ORDER[q.level] <= LEVEL_ORDER[level]
        ]
        if Kind.CODING in rnd.kinds and not coding:
            only = set(rnd.kinds) == {Kind.CODING}
            notes[rnd.name] = ("coding round skipped: " if only else "coding part skipped: ") + (
                no_coding
            )
        if not found:
            notes.setdefault(rnd.name, "no question in the bank fits this round at this level")
            continue
        rounds.append(rnd)
        candidates[rnd.name] = sorted(found, key=lambda q: q.id)
    return rounds, candidates, notes


def _as_question(problem: CodingProblem) -> Question:
    """A coding problem in the shape the planner picks from (no key points, no follow-ups)."""
    return Question(
        id=problem.id,
        title=problem.title,
        kind=Kind.CODING,
        topics=problem.topics,
        roles=problem.roles,
        level=problem.level,
        minutes=problem.minutes,
    )


def _allocate(
    rounds: list[Round], candidates: dict[str, list[Question]], total_s: int
) -> dict[str, int]:
    """Question slots per round, Sainte-Laguë style: each slot goes to the round furthest
    below its share of the time, among the rounds whose typical question still fits."""
    share = sum(r.minutes for r in rounds) or 1
    typical = {r.name: median(cost(q) for q in candidates[r.name]) for r in rounds}
    target = {r.name: total_s * r.minutes / share / typical[r.name] for r in rounds}
    slots = {r.name: 0 for r in rounds}
    remaining = float(total_s)
    while sum(slots.values()) < MAX_QUESTIONS:
        open_rounds = [
            r.name
            for r in rounds
            if typical[r.name] <= remaining and slots[r.name] < len(candidates[r.name])
        ]
        if not open_rounds:
            break
        best = max(open_rounds, key=lambda n: target[n] / (2 * slots[n] + 1))
        slots[best] += 1
        remaining -= typical[best]
    return slots


class _Chooser:
    """Weighted sampling without replacement (Efraimidis-Spirakis keys), one pick at a time
    so the topics already picked can lower the weight of the next."""

    def __init__(
        self, guide: RoleGuide, level: Level, inputs: PlanInputs, rng: random.Random, total: int
    ) -> None:
        self.guide, self.level, self.inputs, self.rng = guide, level, inputs, rng
        self.remaining = total
        self.used: set[str] = set()
        self.topics: dict[str, int] = {}

    def pick(self, candidates: list[Question], count: int) -> list[Question]:
        """Up to `count` questions; one seen in the last RECENT days only when the round
        would otherwise have none."""
        chosen: list[Question] = []
        for _ in range(count):
            fitting = [
                q
                for q in candidates
                if q.id not in self.used
                and cost(q) <= self.remaining
                and not (chosen and self._recent(q))
            ]
            if not fitting:
                break
            best = max(fitting, key=lambda q: self.rng.random() ** (1.0 / self.weight(q)))
            chosen.append(best)
            self.used.add(best.id)
            self.topics[best.topic] = self.topics.get(best.topic, 0) + 1
            self.remaining -= cost(best)
        return chosen

    def _recent(self, q: Question) -> bool:
        seen = self.inputs.last_seen.get(q.id)
        return seen is not None and self.inputs.now - seen < RECENT

    def weight(self, q: Question) -> float:
        importance = self.guide.topic_weights.get(q.topic, 0.0) + 0.02
        weakness = 1.5 - self.inputs.mastery.get(q.topic, 0.0)
        seen = self.inputs.last_seen.get(q.id)
        age = self.inputs.now - seen if seen else None
        recency = 1.0
        if age is not None and age < SOMEWHAT_RECENT:
            recency = 0.001 if age < RECENT else 0.4
        below = LEVEL_ORDER[self.level] - LEVEL_ORDER[q.level]
        level = (1.0, 0.4, 0.15)[below]
        role = 1.0 if self.guide.role in q.roles else OFF_ROLE
        variety = SAME_TOPIC ** self.topics.get(q.topic, 0)
        return importance * weakness * recency * level * role * variety


def _planned(q: Question, rnd: Round, questions: Mapping[str, Question]) -> PlannedQuestion:
    options = []
    for fid in q.follow_ups:
        follow = questions.get(fid)
        if follow is None or not practisable(follow):
            continue
        text = " ".join([follow.title, *(p.text for p in follow.key_points)])
        options.append(
            FollowUpOption(follow.id, follow.title, follow.topic, answer_limit(follow), text)
        )
    return PlannedQuestion(
        q.id,
        q.title,
        rnd.name,
        q.topic,
        q.kind.value,
        answer_limit(q),
        tuple((p.text, p.essential) for p in q.key_points),
        tuple(options),
    )


def _without_main_follow_ups(q: PlannedQuestion, main_ids: set[str]) -> PlannedQuestion:
    """A question already planned as a main one is not also kept as a follow-up."""
    kept = tuple(f for f in q.follow_ups if f.question_id not in main_ids)
    return q if kept == q.follow_ups else PlannedQuestion(**{**q.__dict__, "follow_ups": kept})


def _too_long_note(rnd: Round, candidates: list[Question]) -> str:
    shortest = min((cost(q) for q in candidates), default=0) // 60
    return (
        f"its questions need about {shortest} minutes with the follow-up; "
        "not enough time left in this mock (try a longer --minutes)"
    )
