"""Coding drills: the editor page, Run against the hidden tests, reveal the reference."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from mlcoach.coding.service import get_problem, list_problems, reveal, run_and_record
from mlcoach.domain import Attempt
from mlcoach.errors import SandboxError
from mlcoach.web.deps import CurrentUser, State, csrf_protect
from mlcoach.web.markup import highlight_code, markdown
from mlcoach.web.templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(csrf_protect)])

MAX_CODE = 256 * 1024


def _last_runs(state: State, user_id: int) -> dict[str, Attempt]:
    from mlcoach.store.practice import PracticeRepo

    last: dict[str, Attempt] = {}
    for attempt in PracticeRepo(state.services.store.engine).attempts(user_id):
        if attempt.source == "coding":
            seen = last.get(attempt.question_id)
            if seen is None or attempt.submitted_at >= seen.submitted_at:
                last[attempt.question_id] = attempt
    return last


@router.get("/coding", response_class=HTMLResponse)
def coding_list(request: Request, state: State, user: CurrentUser) -> Response:
    problems = list_problems(state.services)
    return render(
        request, "coding_list.html", {"problems": problems, "last": _last_runs(state, user.id)}
    )


@router.get("/coding/{problem_id}", response_class=HTMLResponse)
def coding_page(request: Request, state: State, user: CurrentUser, problem_id: str) -> Response:
    problem = get_problem(state.services, problem_id)
    runs = [
        a
        for a in state.services.store.attempts.for_question(user.id, problem.id)
        if a.source == "coding"
    ]
    context = {
        "p": problem,
        "code": runs[0].answer if runs else problem.starter,
        "runs": runs[:10],
        "result": runs[0].grade if runs else None,
        "sandbox": _sandbox_problem(),
    }
    return render(request, "coding.html", context)


def _sandbox_problem() -> str | None:
    from mlcoach.coding.sandbox import detect

    try:
        detect()
    except SandboxError as exc:
        return str(exc)
    return None


@router.post("/coding/{problem_id}/run", response_class=HTMLResponse)
def coding_run(
    request: Request,
    state: State,
    user: CurrentUser,
    problem_id: str,
    code: Annotated[str, Form(max_length=MAX_CODE)] = "",
) -> Response:
    problem = get_problem(state.services, problem_id)
    result = run_and_record(state.services, problem, code, user_id=user.id, clock=state.clock)
    return render(request, "_partials/run_result.html", {"result": result.to_dict()})


@router.post("/coding/{problem_id}/reveal", response_class=HTMLResponse)
def coding_reveal(request: Request, state: State, user: CurrentUser, problem_id: str) -> Response:
    solution = reveal(state.services, problem_id, user_id=user.id, clock=state.clock)
    html = markdown(f"```python\n{solution}\n```")
    return render(request, "_partials/solution.html", {"solution": html})


class CodeIn(BaseModel):
    code: str = Field(max_length=MAX_CODE)


@api.get("/coding")
def api_list(state: State, user: CurrentUser) -> list[dict[str, Any]]:
    return [
        {
            "id": p.id,
            "title": p.title,
            "level": p.level.value,
            "minutes": p.minutes,
            "topics": list(p.topics),
        }
        for p in list_problems(state.services)
    ]


@api.get("/coding/{problem_id}")
def api_problem(state: State, user: CurrentUser, problem_id: str) -> dict[str, Any]:
    p = get_problem(state.services, problem_id)
    return {
        "id": p.id,
        "title": p.title,
        "statement": p.statement,
        "signature": p.signature,
        "starter": p.starter,
    }


@api.post("/coding/{problem_id}/run")
def api_run(body: CodeIn, state: State, user: CurrentUser, problem_id: str) -> dict[str, Any]:
    """Run code against the hidden tests: {passed, failed, error, tests, seconds}."""
    problem = get_problem(state.services, problem_id)
    return run_and_record(
        state.services, problem, body.code, user_id=user.id, clock=state.clock
    ).to_dict()


__all__ = ["api", "highlight_code", "router"]
