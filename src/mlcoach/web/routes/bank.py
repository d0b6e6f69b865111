"""Browse and search the bank, a question page, grading, attempts and their history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mlcoach.domain import Attempt
from mlcoach.web.catalog import (
    Filters,
    answer_question,
    browse,
    find_question,
    started_at,
    toggle_override,
)
from mlcoach.web.deps import CurrentUser, State, csrf_protect
from mlcoach.web.markup import highlight_answer
from mlcoach.web.templating import is_htmx, render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


@router.get("/questions", response_class=HTMLResponse)
def questions(
    request: Request,
    state: State,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=500)] = "",
    topic: str = "",
    kind: str = "",
    level: str = "",
    role: str = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    filters = Filters(q, topic, kind, level, role, page)
    result = browse(state.services, user, filters)
    topics = state.services.bank.taxonomy.topics
    context = {"filters": filters, "result": result, "topics": topics}
    return render(request, "questions.html", context, block="results")


@router.get("/questions/{question_id:path}", response_class=HTMLResponse)
def question_page(request: Request, state: State, user: CurrentUser, question_id: str) -> Response:
    svc = state.services
    question = find_question(svc, user, question_id)
    context = {
        "q": question,
        "started": state.clock().isoformat(),
        "related": _related_if_ready(state, question.id),
        "follow_ups": _titles(state, question.follow_ups),
        "attempts": len(svc.store.attempts.for_question(user.id, question.id)),
        "topic_names": {
            t: svc.bank.taxonomy.topics[t].name
            for t in question.topics
            if t in svc.bank.taxonomy.topics
        },
    }
    return render(request, "question.html", context)


def _titles(state: State, ids: tuple[str, ...]) -> list[tuple[str, str]]:
    bank = state.services.bank.questions
    return [(i, bank[i].title) for i in ids if i in bank]


def _related_if_ready(state: State, question_id: str) -> list[tuple[str, str]] | None:
    """Related items when the search index is built; else the page fetches them later."""
    svc = state.services
    if "search_index" not in svc.__dict__ or question_id not in svc.bank.questions:
        return None
    return state.related(question_id)


@router.get("/related/{question_id:path}", response_class=HTMLResponse)
def related(request: Request, state: State, user: CurrentUser, question_id: str) -> Response:
    question = find_question(state.services, user, question_id)
    items = []
    if question.id in state.services.bank.questions:
        items = state.related(question.id)
    return render(request, "_partials/related.html", {"related": items})


@router.post("/answer/{question_id:path}", response_class=HTMLResponse)
def answer(
    request: Request,
    state: State,
    user: CurrentUser,
    question_id: str,
    answer: Annotated[str, Form(max_length=200_000)] = "",
    started: Annotated[str, Form()] = "",
) -> Response:
    question = find_question(state.services, user, question_id)
    now = state.clock()
    attempt, _ = answer_question(
        state.services, user, question, answer, started=started_at(started, now), now=now
    )
    if is_htmx(request):
        return render(request, "_partials/grade.html", _grade_context(attempt, question))
    return RedirectResponse(f"/attempts/{attempt.id}", status_code=303)


def _grade_context(attempt: Attempt, question: object) -> dict[str, object]:
    claimed = {int(i) for i in attempt.overrides.get("covered", [])}
    points = [
        {**p, "index": i, "claimed": i in claimed}
        for i, p in enumerate(attempt.grade.get("points", []))
    ]
    seconds = int((attempt.submitted_at - attempt.started_at).total_seconds())
    return {
        "attempt": attempt,
        "q": question,
        "points": points,
        "score": attempt.overrides.get("score", attempt.grade.get("score", 0.0)),
        "highlighted": highlight_answer(attempt.answer, attempt.grade),
        "seconds": seconds,
    }


@router.get("/attempts/{attempt_id}", response_class=HTMLResponse)
def attempt_page(request: Request, state: State, user: CurrentUser, attempt_id: int) -> Response:
    attempt = state.services.store.attempts.get(user.id, attempt_id)
    question = find_question(state.services, user, attempt.question_id)
    return render(request, "attempt.html", _grade_context(attempt, question))


@router.post("/attempts/{attempt_id}/points/{point}", response_class=HTMLResponse)
def flip_point(
    request: Request, state: State, user: CurrentUser, attempt_id: int, point: int
) -> Response:
    attempt = toggle_override(state.services, user, attempt_id, point)
    question = find_question(state.services, user, attempt.question_id)
    if is_htmx(request):
        return render(request, "_partials/grade.html", _grade_context(attempt, question))
    return RedirectResponse(f"/attempts/{attempt.id}", status_code=303)


@router.get("/history/{question_id:path}", response_class=HTMLResponse)
def history(request: Request, state: State, user: CurrentUser, question_id: str) -> Response:
    question = find_question(state.services, user, question_id)
    attempts = state.services.store.attempts.for_question(user.id, question.id)
    return render(request, "history.html", {"q": question, "attempts": attempts})
