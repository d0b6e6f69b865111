"""Plain data shared by every layer: enums for closed sets and frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    CONCEPT = "concept"
    SCENARIO = "scenario"
    DESIGN = "design"
    BEHAVIORAL = "behavioral"
    FACT = "fact"
    CODING = "coding"


class Level(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"


class Role(StrEnum):
    MLE = "mle"
    DS = "ds"
    APPLIED_SCIENTIST = "applied-scientist"
    ML_SCIENTIST = "ml-scientist"
    RESEARCH_SCIENTIST = "research-scientist"
    MLOPS = "mlops"
    ML_PLATFORM = "ml-platform"


ROLE_NAMES: dict[Role, str] = {
    Role.MLE: "Machine Learning Engineer",
    Role.DS: "Data Scientist",
    Role.APPLIED_SCIENTIST: "Applied Scientist",
    Role.ML_SCIENTIST: "ML Scientist",
    Role.RESEARCH_SCIENTIST: "Research Scientist",
    Role.MLOPS: "MLOps Engineer",
    Role.ML_PLATFORM: "ML Platform Engineer",
}


@dataclass(frozen=True)
class KeyPoint:
    """One checkable idea a good answer contains; essential ones are red flags if missed."""

    text: str
    essential: bool = False
    derived: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "essential": self.essential, "derived": self.derived}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeyPoint:
        return cls(str(data["text"]), bool(data.get("essential")), bool(data.get("derived")))


@dataclass(frozen=True)
class Question:
    """A bank or imported question with everything needed to ask, grade and explain it."""

    id: str
    title: str
    kind: Kind
    topics: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    level: Level = Level.MID
    minutes: int = 3
    concepts: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    answer: str = ""
    key_points: tuple[KeyPoint, ...] = ()
    red_flags: tuple[str, ...] = ()
    why_asked: str = ""
    framework: str = ""
    follow_up_prompts: tuple[str, ...] = ()
    path: str | None = None

    @property
    def topic(self) -> str:
        """The topic the item counts under: its first one."""
        return self.topics[0] if self.topics else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind.value,
            "topics": list(self.topics),
            "roles": [r.value for r in self.roles],
            "level": self.level.value,
            "minutes": self.minutes,
            "concepts": list(self.concepts),
            "follow_ups": list(self.follow_ups),
            "sources": list(self.sources),
            "answer": self.answer,
            "key_points": [k.to_dict() for k in self.key_points],
            "red_flags": list(self.red_flags),
            "why_asked": self.why_asked,
            "framework": self.framework,
            "follow_up_prompts": list(self.follow_up_prompts),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        return cls(
            id=data["id"],
            title=data["title"],
            kind=Kind(data.get("kind", "concept")),
            topics=tuple(data.get("topics", ())),
            roles=tuple(Role(r) for r in data.get("roles", ())),
            level=Level(data.get("level", "mid")),
            minutes=int(data.get("minutes", 3)),
            concepts=tuple(data.get("concepts", ())),
            follow_ups=tuple(data.get("follow_ups", ())),
            sources=tuple(data.get("sources", ())),
            answer=data.get("answer", ""),
            key_points=tuple(KeyPoint.from_dict(k) for k in data.get("key_points", ())),
            red_flags=tuple(data.get("red_flags", ())),
            why_asked=data.get("why_asked", ""),
            framework=data.get("framework", ""),
            follow_up_prompts=tuple(data.get("follow_up_prompts", ())),
        )


@dataclass(frozen=True)
class CodingProblem:
    """An implementation exercise run against hidden tests."""

    id: str
    title: str
    topics: tuple[str, ...]
    roles: tuple[Role, ...]
    level: Level
    minutes: int
    concepts: tuple[str, ...]
    signature: str
    statement: str
    starter: str
    solution: str
    tests_path: str
    time_limit_s: float = 10.0
    memory_mb: int = 512
    sources: tuple[str, ...] = ()
    path: str | None = None


@dataclass(frozen=True)
class Round:
    """One round of an interview loop."""

    name: str
    minutes: int
    kinds: tuple[Kind, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True)
class SalaryBand:
    level: str
    low: int
    high: int
    currency: str
    region: str
    source: str
    year: int


@dataclass(frozen=True)
class RoleGuide:
    role: Role
    title: str
    rounds: tuple[Round, ...]
    topic_weights: dict[str, float]
    salary: tuple[SalaryBand, ...]
    about: str
    loop: str
    checklist: tuple[str, ...]
    path: str | None = None


@dataclass(frozen=True)
class Sheet:
    """A reference sheet: Markdown tables to pin on the wall."""

    id: str
    title: str
    topics: tuple[str, ...]
    body: str
    sources: tuple[str, ...] = ()
    path: str | None = None


@dataclass(frozen=True)
class User:
    id: int
    username: str
    created_at: datetime
    password_hash: str | None = None


@dataclass(frozen=True)
class Deck:
    id: int
    user_id: int
    name: str
    created_at: datetime


@dataclass(frozen=True)
class CardState:
    """A user's FSRS card for one question; `fsrs` is fsrs.Card.to_dict()."""

    user_id: int
    question_id: str
    due: datetime
    fsrs: dict[str, Any]
    id: int | None = None


@dataclass(frozen=True)
class Review:
    user_id: int
    question_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int | None = None
    suggested_rating: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Attempt:
    user_id: int
    question_id: str
    answer: str
    grade: dict[str, Any]
    started_at: datetime
    submitted_at: datetime
    source: str = "question"
    overrides: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True)
class MockSession:
    user_id: int
    role: str
    level: str
    minutes: int
    state: dict[str, Any]
    started_at: datetime
    finished_at: datetime | None = None
    report: dict[str, Any] | None = None
    id: int | None = None


@dataclass(frozen=True)
class Evidence:
    """The part of the user's answer that supports a finding (character offsets)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class PointResult:
    text: str
    essential: bool
    covered: bool
    similarity: float
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "essential": self.essential,
            "covered": self.covered,
            "similarity": self.similarity,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(frozen=True)
class RedFlagHit:
    text: str
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": self.evidence.to_dict() if self.evidence else None}


@dataclass(frozen=True)
class Grade:
    """The grader's verdict: a 0-5 score explained point by point."""

    score: float
    points: tuple[PointResult, ...]
    red_flags: tuple[RedFlagHit, ...]
    feedback: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "points": [p.to_dict() for p in self.points],
            "red_flags": [r.to_dict() for r in self.red_flags],
            "feedback": self.feedback,
        }
