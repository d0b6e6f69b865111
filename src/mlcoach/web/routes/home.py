"""The home dashboard."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from mlcoach.web.catalog import find_question
from mlcoach.web.dashboard import dashboard
from mlcoach.web.deps import CurrentUser, State, csrf_protect
from mlcoach.web.templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, state: State, user: CurrentUser) -> Response:
    svc = state.services
    board = dashboard(svc, user, state.clock())
    last = board.last_attempt
    last_question = None
    if last is not None:
        try:
            last_question = find_question(svc, user, last.question_id)
        except Exception:  # an imported item deleted since: nothing to continue
            last_question = None
    prefs = state.prefs.get(user.id)
    context = {
        "board": board,
        "last_question": last_question,
        "target": prefs.role,
        "bank_size": len(svc.bank.questions),
        "coding_size": len(svc.bank.coding),
        "warnings": svc.warnings,
    }
    return render(request, "home.html", context)
