"""JSON API for reviews, mock interviews and statistics (PracticeService, per user)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from mlcoach.domain import MockSession
from mlcoach.errors import MlcoachError
from mlcoach.practice.drill import DrillFilter, DrillSession, Pick
from mlcoach.practice.mock import MockInterview
from mlcoach.practice.scheduling import Rating
from mlcoach.web.catalog import find_question
from mlcoach.web.deps import CurrentUser, State, csrf_protect
from mlcoach.web.routes.practice import practice_for

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(csrf_protect)])


class ReviewIn(BaseModel):
    question_id: str
    rating: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy.")
    attempt_id: int | None = Field(
        default=None, description="The graded answer this rating follows, if any."
    )
    started_at: datetime | None = None


class MockIn(BaseModel):
    role: str
    level: str = "mid"
    minutes: int = Field(default=30, ge=5, le=240)


class AnswerIn(BaseModel):
    answer: str = Field(max_length=200_000)


@router.get("/reviews")
def reviews(state: State, user: CurrentUser) -> list[dict[str, Any]]:
    """Your review log, oldest first."""
    return [
        {
            "id": r.id,
            "question_id": r.question_id,
            "rating": r.rating,
            "suggested_rating": r.suggested_rating,
            "duration_ms": r.duration_ms,
            "reviewed_at": r.reviewed_at.isoformat(),
        }
        for r in state.services.store.reviews.list(user.id)
    ]


@router.get("/reviews/due")
def due(state: State, user: CurrentUser) -> list[dict[str, Any]]:
    """Cards due now, oldest due first."""
    cards = state.services.store.cards.due(user.id, state.clock(), limit=500)
    return [{"question_id": c.question_id, "due": c.due.isoformat()} for c in cards]


@router.post("/reviews")
def review(body: ReviewIn, state: State, user: CurrentUser) -> dict[str, Any]:
    """Rate one card (reschedules it with FSRS and logs the review)."""
    practice = practice_for(state, user)
    question = find_question(state.services, user, body.question_id)
    now = state.clock()
    started = body.started_at or now
    if started.tzinfo is None or started > now:
        raise MlcoachError("started_at must be a timezone-aware time in the past")
    card = state.services.store.cards.get(user.id, question.id)
    pick = Pick(question.id, card, card is None)
    session = DrillSession(DrillFilter(), 1, 1, now)
    result = practice.rate(
        session,
        pick,
        Rating(body.rating),
        graded=practice.graded(body.attempt_id),
        started_at=started,
    )
    return {
        "question_id": result.question_id,
        "rating": int(result.rating),
        "suggested": int(result.suggested),
        "next_due": result.next_due.isoformat(),
    }


def _mock_json(session: MockSession, interview: MockInterview, now: datetime) -> dict[str, Any]:
    turn = interview.current
    countdown = interview.countdown(now)
    return {
        "id": session.id,
        "role": session.role,
        "level": session.level,
        "minutes": session.minutes,
        "phase": interview.phase.value,
        "current": None
        if turn is None
        else {
            "kind": turn.kind.value,
            "question_id": turn.question_id,
            "prompt": turn.prompt,
            "limit_s": turn.limit_s,
            "question_left_s": round(countdown.question_left_s, 1) if countdown else None,
            "total_left_s": round(countdown.total_left_s, 1) if countdown else None,
        },
        "answered": len(interview.answered),
        "planned": len(interview.plan.questions),
        "started_at": session.started_at.isoformat(),
        "finished_at": session.finished_at.isoformat() if session.finished_at else None,
    }


@router.get("/mocks")
def mocks(state: State, user: CurrentUser) -> list[dict[str, Any]]:
    now = state.clock()
    return [
        _mock_json(m, MockInterview.from_dict(m.state), now)
        for m in state.services.store.mocks.list(user.id)
    ]


@router.post("/mocks")
def start_mock(body: MockIn, state: State, user: CurrentUser) -> dict[str, Any]:
    """Plan and start a mock interview; the response holds the first question."""
    practice = practice_for(state, user)
    session_id = practice.new_mock(role=body.role, level=body.level, minutes=body.minutes)
    return _mock(state, user, session_id)


def _mock(state: State, user: CurrentUser, session_id: int) -> dict[str, Any]:
    session = state.services.store.mocks.get(user.id, session_id)
    return _mock_json(session, MockInterview.from_dict(session.state), state.clock())


@router.get("/mocks/{session_id}")
def mock(state: State, user: CurrentUser, session_id: int) -> dict[str, Any]:
    return _mock(state, user, session_id)


@router.post("/mocks/{session_id}/answer")
def answer_mock(body: AnswerIn, state: State, user: CurrentUser, session_id: int) -> dict[str, Any]:
    """Answer the current question; the response holds the next one (or phase "done")."""
    practice = practice_for(state, user)
    interview = practice.load_mock(session_id)
    if interview.current is None:
        raise MlcoachError("the interview is not waiting for an answer")
    practice.answer_mock(session_id, interview, body.answer)
    return _mock(state, user, session_id)


@router.post("/mocks/{session_id}/stop")
def stop_mock(state: State, user: CurrentUser, session_id: int) -> dict[str, Any]:
    practice = practice_for(state, user)
    practice.stop_mock(session_id, practice.load_mock(session_id))
    return _mock(state, user, session_id)


@router.get("/mocks/{session_id}/report")
def mock_report(state: State, user: CurrentUser, session_id: int) -> dict[str, Any]:
    practice = practice_for(state, user)
    state.services.store.mocks.get(user.id, session_id)  # scoped: NotFound for others
    return practice.mock_report(session_id)


@router.get("/stats")
def stats(state: State, user: CurrentUser) -> dict[str, Any]:
    """The same document as `mlcoach stats --json`, for the signed-in user."""
    return practice_for(state, user).stats()
