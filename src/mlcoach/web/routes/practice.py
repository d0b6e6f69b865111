"""Drill, mock interview and progress pages over PracticeService."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mlcoach.domain import User
from mlcoach.errors import MlcoachError
from mlcoach.practice.mock import Phase
from mlcoach.practice.scheduling import Rating
from mlcoach.web.catalog import find_question
from mlcoach.web.deps import CurrentUser, State, csrf_protect
from mlcoach.web.markup import highlight_answer
from mlcoach.web.practising import MAX_DRILL, Drill, WebPractice, already_rated, drill_filter
from mlcoach.web.templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


def practice_for(state: State, user: User) -> WebPractice:
    return WebPractice(state.services, user, state.clock)


# --- drill -----------------------------------------------------------------------------
@router.get("/drill", response_class=HTMLResponse)
def drill_home(request: Request, state: State, user: CurrentUser) -> Response:
    svc = state.services
    due = len(svc.store.cards.due(user.id, state.clock(), limit=10_000))
    prefs = state.prefs.get(user.id)
    context = {"due": due, "topics": svc.bank.taxonomy.topics, "target": prefs.role}
    return render(request, "drill_start.html", context)


@router.post("/drill/start", response_class=HTMLResponse)
def drill_start(
    request: Request,
    state: State,
    user: CurrentUser,
    topic: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "",
    limit: Annotated[int, Form(ge=1, le=MAX_DRILL)] = 10,
) -> Response:
    practice = practice_for(state, user)
    session = practice.start_drill(drill_filter(topic, role, level), limit=limit)
    return _next_card(request, state, practice, Drill(session, None, None))


def _next_card(request: Request, state: State, practice: WebPractice, drill: Drill) -> Response:
    pick = practice.next_card(drill.session)
    if pick is None:
        summary = drill.session.summary(now=state.clock())
        return render(request, "drill.html", {"summary": summary, "drill": drill}, block="drill")
    nxt = Drill(drill.session, pick, state.clock())
    question = find_question(practice.svc, practice.user, pick.question_id)
    context = {"drill": nxt, "token": nxt.dump(state.signer, practice.user_id), "q": question}
    return render(request, "drill.html", {**context, "summary": None}, block="drill")


@router.post("/drill/answer", response_class=HTMLResponse)
def drill_answer(
    request: Request,
    state: State,
    user: CurrentUser,
    token: Annotated[str, Form()],
    answer: Annotated[str, Form(max_length=200_000)] = "",
    reveal: Annotated[str, Form()] = "",
) -> Response:
    practice = practice_for(state, user)
    drill = Drill.load(state.signer, token, user.id, practice)
    if reveal:
        answer = ""  # "show me": nothing graded, nothing stored, Again suggested
    if drill.pick is None or drill.card_started is None:
        raise MlcoachError("this drill has no card waiting for an answer")
    if not drill.answered:
        graded = practice.grade_answer(
            drill.pick.question_id, answer, started_at=drill.card_started
        )
        drill.answered, drill.attempt_id = True, graded.attempt_id
    return _revealed(request, state, practice, drill)


def _revealed(request: Request, state: State, practice: WebPractice, drill: Drill) -> Response:
    assert drill.pick is not None
    question = find_question(practice.svc, practice.user, drill.pick.question_id)
    graded = practice.graded(drill.attempt_id)
    context: dict[str, Any] = {
        "drill": drill,
        "token": drill.dump(state.signer, practice.user_id),
        "q": question,
        "suggested": int(graded.suggested),
        "ratings": list(Rating),
        "summary": None,
        "revealed": True,
    }
    if drill.attempt_id is not None:
        from mlcoach.web.routes.bank import _grade_context

        attempt = practice.svc.store.attempts.get(practice.user_id, drill.attempt_id)
        context.update(_grade_context(attempt, question))
    return render(request, "drill.html", context, block="drill")


@router.post("/drill/rate", response_class=HTMLResponse)
def drill_rate(
    request: Request,
    state: State,
    user: CurrentUser,
    token: Annotated[str, Form()],
    rating: Annotated[int, Form(ge=1, le=4)],
) -> Response:
    practice = practice_for(state, user)
    drill = Drill.load(state.signer, token, user.id, practice)
    if drill.pick is None or drill.card_started is None or not drill.answered:
        raise MlcoachError("answer or reveal the card before rating it")
    if not already_rated(practice, drill):
        graded = practice.graded(drill.attempt_id)
        practice.rate(
            drill.session, drill.pick, Rating(rating), graded=graded, started_at=drill.card_started
        )
    return _next_card(request, state, practice, Drill(drill.session, None, None))


# --- mock interviews ---------------------------------------------------------------------
@router.get("/mock", response_class=HTMLResponse)
def mock_home(request: Request, state: State, user: CurrentUser, role: str = "") -> Response:
    prefs = state.prefs.get(user.id)
    target = (
        role
        or prefs.role
        or (state.settings.target_role.value if state.settings.target_role else "")
    )
    past = state.services.store.mocks.list(user.id)
    guides = sorted(state.services.bank.roles.values(), key=lambda g: g.title)
    return render(request, "mock_start.html", {"target": target, "past": past, "guides": guides})


@router.post("/mock/start")
def mock_start(
    request: Request,
    state: State,
    user: CurrentUser,
    role: Annotated[str, Form()],
    level: Annotated[str, Form()] = "mid",
    minutes: Annotated[int, Form()] = 30,
) -> Response:
    session_id = practice_for(state, user).new_mock(role=role, level=level, minutes=minutes)
    return RedirectResponse(f"/mock/{session_id}", status_code=303)


@router.get("/mock/{session_id}", response_class=HTMLResponse)
def mock_page(request: Request, state: State, user: CurrentUser, session_id: int) -> Response:
    practice = practice_for(state, user)
    interview = practice.load_mock(session_id)
    if interview.phase is Phase.DONE:
        return RedirectResponse(f"/mock/{session_id}/report", status_code=303)
    now = state.clock()
    countdown = interview.countdown(now)
    turn = interview.current
    context = {
        "sid": session_id,
        "interview": interview,
        "turn": turn,
        "countdown": countdown,
        "stale": bool(countdown and countdown.question_left_s < -300),
        "last": interview.answered[-1] if interview.answered else None,
    }
    return render(request, "mock.html", context)


@router.post("/mock/{session_id}/answer")
def mock_answer(
    request: Request,
    state: State,
    user: CurrentUser,
    session_id: int,
    answer: Annotated[str, Form(max_length=200_000)] = "",
) -> Response:
    practice = practice_for(state, user)
    interview = practice.load_mock(session_id)
    if interview.current is not None:
        interview = practice.answer_mock(session_id, interview, answer)
    target = "/report" if interview.phase is Phase.DONE else ""
    return RedirectResponse(f"/mock/{session_id}{target}", status_code=303)


@router.post("/mock/{session_id}/stop")
def mock_stop(request: Request, state: State, user: CurrentUser, session_id: int) -> Response:
    practice = practice_for(state, user)
    practice.stop_mock(session_id, practice.load_mock(session_id))
    return RedirectResponse(f"/mock/{session_id}/report", status_code=303)


@router.post("/mock/{session_id}/resume")
def mock_resume(request: Request, state: State, user: CurrentUser, session_id: int) -> Response:
    practice = practice_for(state, user)
    practice.resume_mock(session_id, practice.load_mock(session_id))
    return RedirectResponse(f"/mock/{session_id}", status_code=303)


@router.get("/mock/{session_id}/report", response_class=HTMLResponse)
def mock_report(request: Request, state: State, user: CurrentUser, session_id: int) -> Response:
    practice = practice_for(state, user)
    session = state.services.store.mocks.get(user.id, session_id)
    report = practice.mock_report(session_id)
    interview = practice.load_mock(session_id)
    answers = {
        n: highlight_answer(t.answer or "", t.grade or {}) for n, t in enumerate(interview.answered)
    }
    context = {
        "sid": session_id,
        "session": session,
        "report": report,
        "answers": answers,
        "turns": interview.answered,
    }
    return render(request, "mock_report.html", context)


# --- progress ----------------------------------------------------------------------------
@router.get("/progress", response_class=HTMLResponse)
def progress(request: Request, state: State, user: CurrentUser) -> Response:
    stats = practice_for(state, user).stats()
    topics = state.services.bank.taxonomy.topics
    return render(request, "progress.html", {"stats": stats, "charts": charts(stats, topics)})


def charts(stats: dict[str, Any], topics: dict[str, Any]) -> dict[str, str]:
    """Chart.js specifications as JSON, one per chart (drawn by the vendored library)."""
    days = stats["reviews_per_day"]
    labels = [d["date"][5:] for d in days]
    retention = [
        round(100 * (d["reviews"] - d["again"]) / d["reviews"], 1) if d["reviews"] else None
        for d in days
    ]
    mastery = sorted(stats["topics"].items(), key=lambda kv: -kv[1]["mastery"])
    forecast = stats["due_forecast"]
    specs = {
        "chart-reviews": {
            "type": "bar",
            "data": {
                "labels": labels,
                "datasets": [
                    {
                        "label": "Reviews",
                        "data": [d["reviews"] - d["again"] for d in days],
                        "colour": 0,
                        "stack": "r",
                    },
                    {
                        "label": "Forgotten (Again)",
                        "data": [d["again"] for d in days],
                        "colour": 2,
                        "stack": "r",
                    },
                ],
            },
            "options": {
                "scales": {
                    "x": {"stacked": True},
                    "y": {"stacked": True, "beginAtZero": True, "ticks": {"precision": 0}},
                }
            },
        },
        "chart-retention": {
            "type": "line",
            "data": {
                "labels": labels,
                "datasets": [
                    {
                        "label": "Recalled (%)",
                        "data": retention,
                        "colour": 1,
                        "spanGaps": True,
                        "tension": 0.25,
                    }
                ],
            },
            "options": {"scales": {"y": {"min": 0, "max": 100}}},
        },
        "chart-mastery": {
            "type": "bar",
            "data": {
                "labels": [topics[t].name if t in topics else t for t, _ in mastery],
                "datasets": [
                    {
                        "label": "Mastery (%)",
                        "data": [round(100 * m["mastery"], 1) for _, m in mastery],
                        "colour": 0,
                    },
                ],
            },
            "options": {"indexAxis": "y", "scales": {"x": {"min": 0, "max": 100}}},
        },
        "chart-forecast": {
            "type": "bar",
            "data": {
                "labels": [d["date"][5:] for d in forecast],
                "datasets": [
                    {"label": "Cards due", "data": [d["due"] for d in forecast], "colour": 3}
                ],
            },
            "options": {"scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}}},
        },
    }
    return {key: json.dumps(spec).replace("<", "\\u003c") for key, spec in specs.items()}
