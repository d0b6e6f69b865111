"""Pure ASGI middleware: the session cookie, security headers and, in local mode, a host check."""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any

from mlcoach.web.security import SESSION_COOKIE, SESSION_MAX_AGE, Session, is_loopback
from mlcoach.web.state import WebState

Scope = dict[str, Any]
Message = dict[str, Any]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class WebMiddleware:
    def __init__(self, app: Any, state: WebState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = _hostname(headers.get(b"host", b"").decode("latin-1"))
        if not self.state.multi_user and not is_loopback(host):
            await _refuse_host(send)
            return
        if scope["path"].startswith("/static/"):
            await self.app(scope, receive, _with_headers(send, []))
            return
        now = self.state.clock()
        token = _cookie(headers.get(b"cookie", b""))
        session = Session.load(self.state.signer, token, now) or Session.new(now)
        scope.setdefault("state", {})["session"] = session
        secure = scope.get("scheme") == "https" or not is_loopback(host)

        def cookie() -> list[tuple[bytes, bytes]]:
            if not session.changed:
                return []
            value = (
                f"{SESSION_COOKIE}={session.dump(self.state.signer)}; Path=/; HttpOnly; "
                f"SameSite=Lax; Max-Age={int(SESSION_MAX_AGE.total_seconds())}"
                + ("; Secure" if secure else "")
            )
            return [(b"set-cookie", value.encode())]

        await self.app(scope, receive, _with_headers(send, SECURITY_HEADERS, cookie))


def _with_headers(send: Any, extra: list[tuple[bytes, bytes]], late: Any = None) -> Any:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *extra, *(late() if late else [])]
        await send(message)

    return wrapped


def _cookie(raw: bytes) -> str | None:
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw.decode("latin-1"))
    except Exception:  # a malformed Cookie header is treated as no cookie
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else None


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _refuse_host(send: Any) -> None:
    body = (
        b"mlcoach runs in local mode and only answers requests addressed to this machine "
        b"(localhost). To serve other people, turn on accounts: MLCOACH_MULTI_USER=true.\n"
    )
    await send(
        {
            "type": "http.response.start",
            "status": 421,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})
