"""Role guides and reference sheets, plus 'report an error in this item' and its admin list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mlcoach.domain import Role
from mlcoach.errors import NotFound
from mlcoach.web.catalog import find_question
from mlcoach.web.deps import CurrentUser, Forbidden, State, csrf_protect
from mlcoach.web.templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


@router.get("/roles", response_class=HTMLResponse)
def roles(request: Request, state: State, user: CurrentUser) -> Response:
    guides = sorted(state.services.bank.roles.values(), key=lambda g: g.title)
    return render(request, "roles.html", {"guides": guides})


@router.get("/roles/{role}", response_class=HTMLResponse)
def role_page(request: Request, state: State, user: CurrentUser, role: str) -> Response:
    try:
        guide = state.services.bank.roles[Role(role)]
    except (ValueError, KeyError):
        raise NotFound(f"no role guide {role!r}") from None
    topics = state.services.bank.taxonomy.topics
    weights = sorted(guide.topic_weights.items(), key=lambda kv: -kv[1])
    named = [(topics[t].name if t in topics else t, t, w) for t, w in weights]
    return render(request, "role.html", {"guide": guide, "weights": named})


@router.get("/sheets", response_class=HTMLResponse)
def sheets(request: Request, state: State, user: CurrentUser) -> Response:
    items = sorted(state.services.bank.sheets.values(), key=lambda s: s.title)
    return render(request, "sheets.html", {"sheets": items})


@router.get("/sheets/{sheet_id}", response_class=HTMLResponse)
def sheet_page(request: Request, state: State, user: CurrentUser, sheet_id: str) -> Response:
    sheet = state.services.bank.sheets.get(sheet_id)
    if sheet is None:
        raise NotFound(f"no reference sheet {sheet_id!r}")
    return render(request, "sheet.html", {"sheet": sheet})


@router.get("/report/{question_id:path}", response_class=HTMLResponse)
def report_form(request: Request, state: State, user: CurrentUser, question_id: str) -> Response:
    question = find_question(state.services, user, question_id)
    return render(request, "report.html", {"q": question, "done": None, "error": None})


@router.post("/report/{question_id:path}", response_class=HTMLResponse)
def report(
    request: Request,
    state: State,
    user: CurrentUser,
    question_id: str,
    message: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    question = find_question(state.services, user, question_id)
    done = state.reports.add(
        question_id=question.id,
        user_id=user.id,
        username=user.username,
        message=message,
        now=state.clock(),
    )
    return render(request, "report.html", {"q": question, "done": done, "error": None})


@router.get("/admin/reports", response_class=HTMLResponse)
def report_list(request: Request, state: State, user: CurrentUser) -> Response:
    if not state.is_admin(user):
        raise Forbidden("only administrators (MLCOACH_ADMINS) can read error reports")
    reports = state.reports.all()
    titles = {r.question_id: _title(state, r.question_id) for r in reports}
    return render(request, "admin_reports.html", {"reports": reports, "titles": titles})


@router.post("/admin/reports/{report_id}/resolve")
def resolve(request: Request, state: State, user: CurrentUser, report_id: str) -> Response:
    if not state.is_admin(user):
        raise Forbidden("only administrators (MLCOACH_ADMINS) can resolve error reports")
    state.reports.resolve(report_id, now=state.clock())
    return RedirectResponse("/admin/reports", status_code=303)


def _title(state: State, question_id: str) -> str:
    question = state.services.bank.questions.get(question_id)
    return question.title if question else question_id
