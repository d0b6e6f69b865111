"""The JSON API under /api: the same use-cases as the pages (OpenAPI at /api/openapi.json).

Cookie-authenticated like the pages: a state-changing call carries the X-CSRF-Token header,
which GET /api/session returns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from mlcoach.domain import Attempt
from mlcoach.web.catalog import Filters, answer_question, browse, find_question, toggle_override
from mlcoach.web.deps import CurrentUser, State, csrf_protect, csrf_token, optional_user

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(csrf_protect)])


class GradeIn(BaseModel):
    question_id: str = Field(description="A bank id, or `<deck>/<slug>` for an imported one.")
    answer: str = Field(max_length=200_000)
    started_at: datetime | None = Field(
        default=None, description="When you started answering (timezone-aware)."
    )


class OverrideIn(BaseModel):
    point: int = Field(ge=0, description="Index of a key point the grader marked missed.")


class ReportIn(BaseModel):
    question_id: str
    message: str = Field(max_length=4000)


def attempt_json(attempt: Attempt) -> dict[str, Any]:
    return {
        "id": attempt.id,
        "question_id": attempt.question_id,
        "answer": attempt.answer,
        "grade": attempt.grade,
        "overrides": attempt.overrides,
        "source": attempt.source,
        "started_at": attempt.started_at.isoformat(),
        "submitted_at": attempt.submitted_at.isoformat(),
    }


@router.get("/session")
def session(request: Request, state: State) -> dict[str, Any]:
    """Who is signed in, and the CSRF token to send as X-CSRF-Token."""
    user = optional_user(request)
    return {
        "user": {"id": user.id, "username": user.username} if user else None,
        "multi_user": state.multi_user,
        "csrf_token": csrf_token(request),
    }


@router.get("/questions")
def questions(
    state: State,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=500)] = "",
    topic: str = "",
    kind: str = "",
    level: str = "",
    role: str = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> dict[str, Any]:
    """Bank and imported questions matching the filters, 20 a page (answers left out)."""
    result = browse(state.services, user, Filters(q, topic, kind, level, role, page))
    items = [
        {
            "id": x.id,
            "title": x.title,
            "kind": x.kind.value,
            "level": x.level.value,
            "topics": list(x.topics),
            "roles": [r.value for r in x.roles],
        }
        for x in result.questions
    ]
    return {"total": result.total, "page": result.page, "pages": result.pages, "items": items}


@router.get("/questions/{question_id:path}")
def question(state: State, user: CurrentUser, question_id: str) -> dict[str, Any]:
    return find_question(state.services, user, question_id).to_dict()


@router.get("/search")
def search(
    state: State,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[dict[str, object]]:
    """Questions by meaning and words, best first: [{id, title, score}]."""
    return [h.to_dict() for h in state.services.search(q, limit=limit)]


@router.get("/related/{question_id:path}")
def related(state: State, user: CurrentUser, question_id: str) -> list[dict[str, object]]:
    question = find_question(state.services, user, question_id)
    if question.id not in state.services.bank.questions:
        return []
    return [h.to_dict() for h in state.services.related(question.id, limit=5)]


@router.post("/grade")
def grade(body: GradeIn, state: State, user: CurrentUser) -> dict[str, Any]:
    """Grade an answer and keep it as an attempt: {attempt_id, grade}."""
    from mlcoach.web.catalog import started_at

    question_ = find_question(state.services, user, body.question_id)
    now = state.clock()
    started = started_at(body.started_at.isoformat() if body.started_at else None, now)
    attempt, result = answer_question(
        state.services, user, question_, body.answer, started=started, now=now
    )
    return {"attempt_id": attempt.id, "grade": result.to_dict()}


@router.get("/attempts")
def attempts(state: State, user: CurrentUser, question_id: str) -> list[dict[str, Any]]:
    """Your attempts at one question, newest first."""
    found = find_question(state.services, user, question_id)
    return [attempt_json(a) for a in state.services.store.attempts.for_question(user.id, found.id)]


@router.get("/attempts/{attempt_id}")
def attempt(state: State, user: CurrentUser, attempt_id: int) -> dict[str, Any]:
    return attempt_json(state.services.store.attempts.get(user.id, attempt_id))


@router.post("/attempts/{attempt_id}/overrides")
def override(body: OverrideIn, state: State, user: CurrentUser, attempt_id: int) -> dict[str, Any]:
    """Say "I did cover this" about a missed key point (again to take it back)."""
    return attempt_json(toggle_override(state.services, user, attempt_id, body.point))


@router.post("/reports")
def report(body: ReportIn, state: State, user: CurrentUser) -> dict[str, Any]:
    """Report an error in an item; administrators see it at /admin/reports."""
    found = find_question(state.services, user, body.question_id)
    done = state.reports.add(
        question_id=found.id,
        user_id=user.id,
        username=user.username,
        message=body.message,
        now=state.clock(),
    )
    return {"id": done.id, "question_id": done.question_id, "created_at": done.created_at}


@router.get("/roles")
def roles(state: State, user: CurrentUser) -> list[dict[str, Any]]:
    return [
        {
            "role": g.role.value,
            "title": g.title,
            "rounds": [{"name": r.name, "minutes": r.minutes} for r in g.rounds],
            "topic_weights": g.topic_weights,
        }
        for g in state.services.bank.roles.values()
    ]


@router.get("/sheets")
def sheets(state: State, user: CurrentUser) -> list[dict[str, Any]]:
    return [
        {"id": s.id, "title": s.title, "topics": list(s.topics), "body": s.body}
        for s in state.services.bank.sheets.values()
    ]
