"""Jinja2 environment and the one render helper (whole page, or a block for HTMX)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from mlcoach import __version__
from mlcoach.domain import ROLE_NAMES, Kind, Level, Role
from mlcoach.web.deps import csrf_token, optional_user, web_state
from mlcoach.web.markup import markdown

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(
        version=__version__,
        kinds=list(Kind),
        levels=list(Level),
        roles=list(Role),
        role_names={r.value: n for r, n in ROLE_NAMES.items()},
    )
    env.filters.update(
        markdown=markdown,
        when=_when,
        day=lambda d: d.strftime("%d %b %Y") if d else "",
        score=lambda s: f"{float(s):.1f}",
    )
    return env


def _when(moment: datetime | str | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.strftime("%d %b %Y, %H:%M UTC")


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and not request.headers.get("hx-boosted")


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    block: str | None = None,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """The page; or, for an HTMX request and a named block, only that block of it."""
    env = environment()
    tmpl = env.get_template(template)
    state = web_state(request)
    user = optional_user(request)
    prefs = state.prefs.get(user.id) if user else None
    full = {
        "request": request,
        "user": user,
        "csrf": csrf_token(request),
        "multi_user": state.multi_user,
        "is_admin": bool(user and state.is_admin(user)),
        "theme": prefs.theme if prefs else "auto",
        "prefs": prefs,
        "nav": _nav(request.url.path),
        "features": request.app.state.features,
        **(context or {}),
    }
    if block is not None and is_htmx(request):
        html = "".join(tmpl.blocks[block](tmpl.new_context(full)))
    else:
        html = tmpl.render(full)
    return HTMLResponse(html, status_code=status, headers=headers)


def _nav(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    return first or "home"
