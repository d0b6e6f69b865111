"""Sign-up, login, logout (multi-user mode) and the settings page."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mlcoach.domain import Role
from mlcoach.errors import MlcoachError
from mlcoach.web.deps import CurrentUser, State, csrf_protect, session_of
from mlcoach.web.records import THEMES, Preferences
from mlcoach.web.security import password_fingerprint
from mlcoach.web.templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$")
MAX_PASSWORD = 1024


def safe_next(target: str | None) -> str:
    """Only same-site paths: never redirect a user to another host after login."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    parts = urlsplit(target)
    return "/" if parts.scheme or parts.netloc or "\\" in target else target


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _accounts_only(state: State) -> None:
    if not state.multi_user:
        raise MlcoachError("accounts are off: mlcoach runs in local single-user mode")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, state: State, next: str = "/") -> Response:
    if not state.multi_user:
        return RedirectResponse("/", status_code=303)
    return render(request, "login.html", {"next": safe_next(next), "error": None})


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    state: State,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    _accounts_only(state)
    keys = (f"ip:{_client(request)}", f"user:{username.lower()}")
    wait = state.login_limiter.retry_after(*keys)
    if wait:
        message = f"Too many failed sign-ins. Try again in {wait // 60 + 1} minutes."
        context = {"next": safe_next(next), "error": message, "username": username}
        return render(
            request, "login.html", context, status=429, headers={"Retry-After": str(wait)}
        )
    user = state.services.store.users.by_name(username)
    if not state.passwords.verify(user.password_hash if user else None, password) or user is None:
        state.login_limiter.hit(*keys)
        context = {
            "next": safe_next(next),
            "error": "Wrong user name or password.",
            "username": username,
        }
        return render(request, "login.html", context, status=401)
    state.login_limiter.reset(keys[1])
    session_of(request).sign_in(user.id, password_fingerprint(user.password_hash), state.clock())
    return RedirectResponse(safe_next(next), status_code=303)


@router.get("/signup", response_class=HTMLResponse)
def signup_form(request: Request, state: State) -> Response:
    if not state.multi_user:
        return RedirectResponse("/", status_code=303)
    return render(request, "signup.html", {"error": None, "username": ""})


@router.post("/signup", response_class=HTMLResponse)
def signup(
    request: Request,
    state: State,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD)],
    confirm: Annotated[str, Form(max_length=MAX_PASSWORD)],
) -> Response:
    _accounts_only(state)
    key = f"ip:{_client(request)}"
    problem = _signup_problem(username, password, confirm)
    if problem is None and state.signup_limiter.retry_after(key):
        problem = "Too many accounts created from this address; try again later."
    if problem is None:
        try:
            user = state.services.store.users.create(
                username, password_hash=state.passwords.hash(password)
            )
        except MlcoachError:
            problem = "That user name is taken."
    if problem is not None:
        return render(request, "signup.html", {"error": problem, "username": username}, status=400)
    state.signup_limiter.hit(key)
    session_of(request).sign_in(user.id, password_fingerprint(user.password_hash), state.clock())
    return RedirectResponse("/", status_code=303)


def _signup_problem(username: str, password: str, confirm: str) -> str | None:
    if not USERNAME.match(username):
        return "User names are 3-40 letters, digits, dots, dashes or underscores."
    if len(password) < 10:
        return "Choose a password of at least 10 characters."
    if password != confirm:
        return "The two passwords differ."
    return None


@router.post("/logout")
def logout(request: Request, state: State) -> Response:
    session_of(request).sign_out(state.clock())
    return RedirectResponse("/login" if state.multi_user else "/", status_code=303)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, state: State, user: CurrentUser) -> Response:
    return render(request, "settings.html", _settings_context(state, user.id, None))


def _settings_context(state: State, user_id: int, message: str | None) -> dict[str, object]:
    from mlcoach.config import Settings

    shown = ["desired_retention", "new_cards_per_day", "embedding_model", "interview_date"]
    if not state.multi_user:
        shown = ["data_dir", "database_url", "content_dir", *shown, "threads"]
    rows = [
        (
            f"MLCOACH_{name.upper()}",
            getattr(state.settings, name),
            Settings.model_fields[name].description,
        )
        for name in shown
    ]
    return {"rows": rows, "themes": THEMES, "message": message, "warnings": state.services.warnings}


@router.post("/settings", response_class=HTMLResponse)
def save_settings(
    request: Request,
    state: State,
    user: CurrentUser,
    theme: Annotated[str, Form()] = "auto",
    role: Annotated[str, Form()] = "",
) -> Response:
    if theme not in THEMES or (role and role not in {r.value for r in Role}):
        raise MlcoachError("unknown theme or role")
    state.prefs.save(user.id, Preferences(theme=theme, role=role))
    return render(request, "settings.html", _settings_context(state, user.id, "Saved."))


@router.post("/settings/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    state: State,
    user: CurrentUser,
    current: Annotated[str, Form(max_length=MAX_PASSWORD)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD)],
    confirm: Annotated[str, Form(max_length=MAX_PASSWORD)],
) -> Response:
    _accounts_only(state)
    if not state.passwords.verify(user.password_hash, current):
        message = "Your current password is wrong."
    elif (problem := _signup_problem(user.username, password, confirm)) is not None:
        message = problem
    else:
        new_hash = state.passwords.hash(password)
        _set_password(state, user.id, new_hash)
        session_of(request).sign_in(user.id, password_fingerprint(new_hash), state.clock())
        message = "Password changed; other sessions are signed out."
    return render(request, "settings.html", _settings_context(state, user.id, message))


def _set_password(state: State, user_id: int, password_hash: str) -> None:
    # UserRepo has no update method; the users table (owned by the store) is written directly.
    from sqlalchemy import update

    from mlcoach.store.tables import users

    with state.services.store.engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))
