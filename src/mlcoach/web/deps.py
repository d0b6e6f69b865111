"""Request dependencies: the web state, the session, the signed-in user, CSRF checks."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mlcoach.domain import User
from mlcoach.errors import MlcoachError, NotFound
from mlcoach.web.security import Session, password_fingerprint
from mlcoach.web.state import WebState

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class LoginRequired(MlcoachError):
    """No signed-in user (multi-user mode): pages redirect to the login form, the API says 401."""


class CsrfRejected(MlcoachError):
    """A state-changing request without the session's CSRF token."""


class Forbidden(MlcoachError):
    """Signed in, but not allowed (e.g. the admin list for a non-admin)."""


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def session_of(request: Request) -> Session:
    session: Session = request.scope["state"]["session"]
    return session


def optional_user(request: Request) -> User | None:
    """The signed-in user, the local user in single-user mode, or None."""
    cached: User | None = request.scope["state"].get("user")
    if cached is not None:
        return cached
    state = web_state(request)
    if not state.multi_user:
        user = state.local_user()
    else:
        session = session_of(request)
        if session.user_id is None:
            return None
        try:
            user = state.services.store.users.get(int(session.user_id))
        except (NotFound, ValueError):
            return None
        if password_fingerprint(user.password_hash) != session.fingerprint:
            return None  # the password changed since this session signed in
    request.scope["state"]["user"] = user
    return user


def current_user(request: Request) -> User:
    user = optional_user(request)
    if user is None:
        raise LoginRequired("please sign in")
    return user


async def csrf_protect(request: Request) -> None:
    """Every state-changing request carries the session's token (header or form field)."""
    if request.method not in UNSAFE_METHODS:
        return
    token = request.headers.get("x-csrf-token")
    if token is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf_token")
        token = value if isinstance(value, str) else None
    if not web_state(request).signer.check_csrf(session_of(request).nonce, token):
        raise CsrfRejected(
            "the form's security token is missing or out of date; reload the page and try again"
        )


def csrf_token(request: Request) -> str:
    return web_state(request).signer.csrf_token(session_of(request).nonce)


async def _state(request: Request) -> WebState:
    return web_state(request)


async def _user(request: Request) -> User:
    # In the event loop, not the thread pool: a cached user (local mode) or one indexed
    # lookup (multi-user mode) is cheaper than the hop to a worker thread.
    return current_user(request)


State = Annotated[WebState, Depends(_state)]
CurrentUser = Annotated[User, Depends(_user)]
