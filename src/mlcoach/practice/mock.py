"""The mock interview as a pure state machine, shared by the terminal and the web.

A `MockInterview` is a frozen dataclass: each event (`start`, `answer`, `stop`, `resume`)
takes the time it happens and returns a new interview. Nothing here reads the clock,
grades, prints or stores: the caller grades the answer to `current` (against the whole
question, or against `current.point` alone for a probe), passes the Grade in, and saves
`to_dict()` after every event so an interrupted interview can be resumed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from mlcoach.domain import Grade
from mlcoach.practice.followup import FollowUp, TurnKind, choose_follow_up
from mlcoach.practice.mock_plan import MockPlan

MIN_START_S = 60  # a new question is not started with less than this left


class Phase(StrEnum):
    PLANNED = "planned"
    ASKING = "asking"
    DONE = "done"


class EndReason(StrEnum):
    COMPLETED = "completed"  # every planned question was asked
    TIME = "time"  # the interview's time ran out
    STOPPED = "stopped"  # the candidate ended it early


@dataclass(frozen=True)
class Turn:
    """One question put to the candidate, and once answered, the answer and its grade."""

    slot: int  # index of the planned main question this turn belongs to
    kind: TurnKind
    question_id: str
    title: str
    prompt: str
    limit_s: int
    asked_at: datetime
    point: str | None = None
    answer: str | None = None
    grade: dict[str, Any] | None = None
    answered_at: datetime | None = None
    attempt_id: int | None = None

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def seconds(self) -> float | None:
        if self.answered_at is None:
            return None
        return round((self.answered_at - self.asked_at).total_seconds(), 1)

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["kind"] = self.kind.value
        data["asked_at"] = self.asked_at.isoformat()
        data["answered_at"] = self.answered_at.isoformat() if self.answered_at else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        answered = data.get("answered_at")
        return cls(
            **{**data, "kind": TurnKind(data["kind"])}
            | {
                "asked_at": datetime.fromisoformat(data["asked_at"]),
                "answered_at": datetime.fromisoformat(answered) if answered else None,
            }
        )


@dataclass(frozen=True)
class Countdown:
    question_left_s: float
    total_left_s: float
    number: int  # 1-based main question number
    of: int


@dataclass(frozen=True)
class MockInterview:
    plan: MockPlan
    phase: Phase = Phase.PLANNED
    turns: tuple[Turn, ...] = ()
    next_slot: int = 0
    used_s: float = 0.0  # interview time used up to `segment_start`
    segment_start: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    end_reason: EndReason | None = None

    # --- reading --------------------------------------------------------------------
    @property
    def current(self) -> Turn | None:
        """The question waiting for an answer, if any."""
        if self.phase is Phase.ASKING and self.turns and not self.turns[-1].answered:
            return self.turns[-1]
        return None

    @property
    def answered(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.answered)

    def elapsed(self, now: datetime) -> float:
        running = (now - self.segment_start).total_seconds() if self.segment_start else 0.0
        return self.used_s + max(0.0, running)

    def remaining(self, now: datetime) -> float:
        return self.plan.minutes * 60 - self.elapsed(now)

    def countdown(self, now: datetime) -> Countdown | None:
        turn = self.current
        if turn is None:
            return None
        spent = (now - turn.asked_at).total_seconds()
        return Countdown(
            turn.limit_s - spent, self.remaining(now), turn.slot + 1, len(self.plan.questions)
        )

    # --- events -----------------------------------------------------------------------
    def start(self, now: datetime) -> MockInterview:
        if self.phase is not Phase.PLANNED:
            raise ValueError("the interview has already started")
        begun = replace(self, phase=Phase.ASKING, started_at=now, segment_start=now)
        return begun._ask_next(now)

    def answer(
        self, text: str, grade: Grade, *, now: datetime, attempt_id: int | None = None
    ) -> MockInterview:
        """Record the answer to the current question, then ask the follow-up or move on."""
        turn = self.current
        if turn is None:
            raise ValueError("no question is waiting for an answer")
        done = replace(
            turn, answer=text, grade=grade.to_dict(), answered_at=now, attempt_id=attempt_id
        )
        state = replace(self, turns=(*self.turns[:-1], done))._checkpoint(now)
        if state.remaining(now) <= 0:
            return state._finish(now, EndReason.TIME)
        if turn.kind is TurnKind.MAIN:
            follow = choose_follow_up(
                self.plan.questions[turn.slot],
                grade,
                asked={t.question_id for t in self.turns},
                remaining_s=state.remaining(now),
            )
            if follow is not None:
                return state._ask(turn.slot, follow, now)
        return state._ask_next(now)

    def stop(self, now: datetime) -> MockInterview:
        """The candidate ends the interview; an unanswered question is dropped."""
        if self.phase is Phase.DONE:
            return self
        kept = tuple(t for t in self.turns if t.answered)
        return replace(self, turns=kept)._checkpoint(now)._finish(now, EndReason.STOPPED)

    def resume(self, now: datetime) -> MockInterview:
        """Carry on after an interruption: the time away is not counted and the waiting
        question starts again with its full time."""
        if self.phase is not Phase.ASKING:
            return self
        turns = self.turns
        if self.current is not None:
            turns = (*turns[:-1], replace(turns[-1], asked_at=now))
        return replace(self, turns=turns, segment_start=now)

    # --- helpers ------------------------------------------------------------------------
    def _checkpoint(self, now: datetime) -> MockInterview:
        return replace(self, used_s=round(self.elapsed(now), 3), segment_start=now)

    def _finish(self, now: datetime, reason: EndReason) -> MockInterview:
        return replace(
            self, phase=Phase.DONE, finished_at=now, end_reason=reason, segment_start=None
        )

    def _ask_next(self, now: datetime) -> MockInterview:
        if self.next_slot >= len(self.plan.questions):
            return self._finish(now, EndReason.COMPLETED)
        if self.remaining(now) < MIN_START_S:
            return self._finish(now, EndReason.TIME)
        slot = self.next_slot
        planned = self.plan.questions[slot]
        main = FollowUp(
            TurnKind.MAIN, planned.question_id, planned.title, planned.title, planned.limit_s
        )
        return replace(self, next_slot=slot + 1)._ask(slot, main, now)

    def _ask(self, slot: int, what: FollowUp, now: datetime) -> MockInterview:
        turn = Turn(
            slot,
            what.kind,
            what.question_id,
            what.title,
            what.prompt,
            what.limit_s,
            now,
            point=what.point,
        )
        return replace(self, turns=(*self.turns, turn))

    # --- storage ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        def iso(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "version": 1,
            "plan": self.plan.to_dict(),
            "phase": self.phase.value,
            "turns": [t.to_dict() for t in self.turns],
            "next_slot": self.next_slot,
            "used_s": self.used_s,
            "segment_start": iso(self.segment_start),
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "end_reason": self.end_reason.value if self.end_reason else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MockInterview:
        def when(key: str) -> datetime | None:
            value = data.get(key)
            return datetime.fromisoformat(value) if value else None

        reason = data.get("end_reason")
        return cls(
            plan=MockPlan.from_dict(data["plan"]),
            phase=Phase(data["phase"]),
            turns=tuple(Turn.from_dict(t) for t in data["turns"]),
            next_slot=int(data["next_slot"]),
            used_s=float(data["used_s"]),
            segment_start=when("segment_start"),
            started_at=when("started_at"),
            finished_at=when("finished_at"),
            end_reason=EndReason(reason) if reason else None,
        )
