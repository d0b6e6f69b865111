"""Accounts, sessions, CSRF, rate limiting, the host check, and per-user scoping."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlcoach.config import Settings
from mlcoach.errors import ConfigError
from mlcoach.web.security import RateLimiter, Session, Signer
from mlcoach.web.serving import check_bind
from tests.e2e.support import QID, Web, new_client, parse, sign_up, web

ANSWER = "For a convex objective every local minimum is a global minimum."


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Web]:
    with web(tmp_path) as w:
        yield w


@pytest.fixture
def multi(tmp_path: Path) -> Iterator[Web]:
    with web(tmp_path, multi_user=True, admins="admin") as w:
        yield w


# --- CSRF --------------------------------------------------------------------------------
def test_form_post_without_csrf_token_is_rejected(local: Web) -> None:
    response = local.client.post(f"/answer/{QID}", data={"answer": ANSWER})
    assert response.status_code == 403
    assert "security token" in parse(response.text).text()
    assert local.services.store.attempts.for_question(1, QID) == []


def test_form_post_with_a_wrong_csrf_token_is_rejected(local: Web) -> None:
    local.client.get("/")
    data = {"answer": ANSWER, "csrf_token": "0" * 40}
    assert local.client.post(f"/answer/{QID}", data=data).status_code == 403


def test_csrf_token_of_another_session_is_rejected(local: Web) -> None:
    stolen = local.csrf()
    other = new_client(local.app)
    response = other.post("/settings", data={"csrf_token": stolen, "theme": "dark"})
    assert response.status_code == 403


def test_api_post_needs_the_csrf_header(local: Web) -> None:
    body = {"question_id": QID, "answer": ANSWER}
    refused = local.client.post("/api/grade", json=body)
    assert refused.status_code == 403 and "security token" in refused.json()["error"]
    accepted = local.client.post("/api/grade", json=body, headers={"X-CSRF-Token": local.csrf()})
    assert accepted.status_code == 200


def test_every_unsafe_route_checks_csrf(local: Web) -> None:
    """Each POST route of the app refuses a request that carries no token."""
    local.client.get("/")
    posts = [path for path, methods in _routes(local.app.routes) if "POST" in methods]
    assert len(posts) >= 15
    for path in posts:
        url = path.replace("{question_id:path}", QID).replace("{attempt_id}", "1")
        url = url.replace("{session_id}", "1").replace("{point}", "0").replace("{report_id}", "x")
        response = local.client.post(url, data={"x": "1"})
        assert response.status_code == 403, url


def _routes(routes: list[Any]) -> list[tuple[str, set[str]]]:
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            found += _routes(inner.routes)
        elif getattr(route, "methods", None):
            found.append((route.path_format, set(route.methods)))
    return found


# --- the host check and binding -----------------------------------------------------------
def test_local_mode_refuses_other_hosts(local: Web) -> None:
    response = local.client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 421
    assert "MLCOACH_MULTI_USER" in response.text
    assert local.client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_serving_on_a_public_address_needs_accounts(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="MLCOACH_MULTI_USER=true"):
        check_bind("0.0.0.0", Settings(data_dir=tmp_path))
    check_bind("127.0.0.1", Settings(data_dir=tmp_path))
    check_bind("::1", Settings(data_dir=tmp_path))
    check_bind("0.0.0.0", Settings(data_dir=tmp_path, multi_user=True))


def test_serve_command_refuses_a_public_address(tmp_path: Path) -> None:
    from mlcoach.cli import app

    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8999"])
    assert result.exit_code == 1
    assert "refusing to serve on 0.0.0.0" in result.output


def test_security_headers(local: Web) -> None:
    headers = local.client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"


# --- accounts -----------------------------------------------------------------------------
def test_multi_user_pages_need_a_login(multi: Web) -> None:
    response = multi.client.get("/questions?topic=evaluation", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/questions%3Ftopic%3Devaluation"
    assert multi.client.get("/api/questions").status_code == 401
    login = parse(multi.client.get("/login").text)
    assert login.one("input", name="username") and login.one("input", name="csrf_token")


def test_sign_up_stores_an_argon2id_hash_and_signs_in(multi: Web) -> None:
    response = sign_up(multi.client, "ada")
    assert response.status_code == 303
    user = multi.services.store.users.by_name("ada")
    assert user is not None and (user.password_hash or "").startswith("$argon2id$")
    home = parse(multi.client.get("/").text)
    assert "Sign out ada" in home.text()


def test_sign_up_validates_the_form(multi: Web) -> None:
    token = multi.csrf()
    short = {"csrf_token": token, "username": "bob", "password": "short", "confirm": "short"}
    assert multi.client.post("/signup", data=short).status_code == 400
    sign_up(multi.client, "bob")
    again = sign_up(new_client(multi.app), "bob")
    assert again.status_code == 400 and "taken" in again.text


def test_session_cookie_flags(multi: Web) -> None:
    cookie = sign_up(multi.client, "ada").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    secure = new_client(multi.app, base_url="https://mlcoach.example")
    cookie = sign_up(secure, "grace").headers["set-cookie"]
    assert "Secure" in cookie


def test_login_logout_and_session_fixation(multi: Web) -> None:
    sign_up(multi.client, "ada")
    browser = new_client(multi.app)
    before = browser.get("/api/session").json()["csrf_token"]
    response = browser.post(
        "/login",
        data={
            "csrf_token": before,
            "username": "ada",
            "password": "correct horse battery",
            "next": "/progress",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/progress"
    after = browser.get("/api/session").json()
    assert after["user"]["username"] == "ada"
    assert after["csrf_token"] != before, "signing in starts a new session"
    browser.post("/logout", data={"csrf_token": after["csrf_token"]})
    assert browser.get("/api/session").json()["user"] is None


def test_login_never_redirects_off_site(multi: Web) -> None:
    sign_up(multi.client, "ada")
    browser = new_client(multi.app)
    for target in ["https://evil.example/", "//evil.example", "/\\evil.example"]:
        token = browser.get("/api/session").json()["csrf_token"]
        form = {"csrf_token": token, "username": "ada", "password": "correct horse battery"}
        response = browser.post("/login", data={**form, "next": target}, follow_redirects=False)
        assert response.headers["location"] == "/", target


def test_wrong_password_and_rate_limit(multi: Web) -> None:
    sign_up(multi.client, "ada")
    attacker = new_client(multi.app)
    token = attacker.get("/api/session").json()["csrf_token"]
    form = {"csrf_token": token, "username": "ada", "password": "wrong password!"}
    for _ in range(5):
        assert attacker.post("/login", data=form).status_code == 401
    right = {**form, "password": "correct horse battery"}
    limited = attacker.post("/login", data=right)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
    multi.clock.advance(minutes=16)
    assert attacker.post("/login", data=right, follow_redirects=False).status_code == 303


def test_changing_the_password_ends_other_sessions(multi: Web) -> None:
    sign_up(multi.client, "ada")
    other = new_client(multi.app)
    token = other.get("/api/session").json()["csrf_token"]
    other.post(
        "/login", data={"csrf_token": token, "username": "ada", "password": "correct horse battery"}
    )
    assert other.get("/api/session").json()["user"] is not None
    multi.post_form(
        "/settings/password",
        {
            "current": "correct horse battery",
            "password": "a new long password",
            "confirm": "a new long password",
        },
    )
    assert other.get("/api/session").json()["user"] is None
    assert multi.client.get("/api/session").json()["user"]["username"] == "ada"


# --- scoping: user A cannot read or change B's data ---------------------------------------
def _two_users(multi: Web) -> tuple[object, object]:
    a = new_client(multi.app)
    b = new_client(multi.app)
    sign_up(a, "alice")
    sign_up(b, "bob")
    return a, b


def _csrf(client: object) -> str:
    token: str = client.get("/api/session").json()["csrf_token"]  # type: ignore[attr-defined]
    return token


def test_user_cannot_read_or_change_anothers_attempt(multi: Web) -> None:
    a, b = _two_users(multi)
    graded = a.post(  # type: ignore[attr-defined]
        "/api/grade",
        json={"question_id": QID, "answer": ANSWER},
        headers={"X-CSRF-Token": _csrf(a)},
    ).json()
    attempt_id = graded["attempt_id"]
    assert a.get(f"/attempts/{attempt_id}").status_code == 200  # type: ignore[attr-defined]
    assert b.get(f"/attempts/{attempt_id}").status_code == 404  # type: ignore[attr-defined]
    assert b.get(f"/api/attempts/{attempt_id}").status_code == 404  # type: ignore[attr-defined]
    missed = next(i for i, p in enumerate(graded["grade"]["points"]) if not p["covered"])
    changed = b.post(  # type: ignore[attr-defined]
        f"/api/attempts/{attempt_id}/overrides",
        json={"point": missed},
        headers={"X-CSRF-Token": _csrf(b)},
    )
    assert changed.status_code == 404
    form = b.post(  # type: ignore[attr-defined]
        f"/attempts/{attempt_id}/points/{missed}", data={"csrf_token": _csrf(b)}
    )
    assert form.status_code == 404
    alice = multi.services.store.users.by_name("alice")
    assert alice is not None
    assert multi.services.store.attempts.get(alice.id, attempt_id).overrides == {}
    history = parse(b.get(f"/history/{QID}").text)  # type: ignore[attr-defined]
    assert "No attempts yet." in history.text()
    assert b.get("/api/attempts", params={"question_id": QID}).json() == []  # type: ignore[attr-defined]


def test_user_cannot_read_or_answer_anothers_mock(multi: Web) -> None:
    a, b = _two_users(multi)
    started = a.post(  # type: ignore[attr-defined]
        "/api/mocks", json={"role": "mle", "minutes": 20}, headers={"X-CSRF-Token": _csrf(a)}
    )
    assert started.status_code == 200
    sid = started.json()["id"]
    assert b.get(f"/mock/{sid}").status_code == 404  # type: ignore[attr-defined]
    assert b.get(f"/api/mocks/{sid}").status_code == 404  # type: ignore[attr-defined]
    assert b.get(f"/api/mocks/{sid}/report").status_code == 404  # type: ignore[attr-defined]
    sent = b.post(  # type: ignore[attr-defined]
        f"/api/mocks/{sid}/answer", json={"answer": "x"}, headers={"X-CSRF-Token": _csrf(b)}
    )
    assert sent.status_code == 404
    stop = b.post(f"/mock/{sid}/stop", data={"csrf_token": _csrf(b)})  # type: ignore[attr-defined]
    assert stop.status_code == 404
    assert a.get(f"/api/mocks/{sid}").json()["phase"] == "asking"  # type: ignore[attr-defined]
    assert b.get("/api/mocks").json() == []  # type: ignore[attr-defined]


def test_user_cannot_see_anothers_imported_question(multi: Web) -> None:
    from dataclasses import replace

    a, b = _two_users(multi)
    alice = multi.services.store.users.by_name("alice")
    assert alice is not None
    deck = multi.services.store.decks.ensure(alice.id, "mine")
    mine = replace(multi.services.bank.questions[QID], id="mine/convexity")
    multi.services.store.imported.add(deck, mine, content_hash="h1")
    assert a.get("/questions/mine/convexity").status_code == 200  # type: ignore[attr-defined]
    assert b.get("/questions/mine/convexity").status_code == 404  # type: ignore[attr-defined]
    assert b.get("/api/questions/mine/convexity").status_code == 404  # type: ignore[attr-defined]
    graded = b.post(  # type: ignore[attr-defined]
        "/api/grade",
        json={"question_id": "mine/convexity", "answer": ANSWER},
        headers={"X-CSRF-Token": _csrf(b)},
    )
    assert graded.status_code == 404
    found = a.get("/api/questions", params={"q": "convexity"}).json()  # type: ignore[attr-defined]
    assert "mine/convexity" in [i["id"] for i in found["items"]]
    found = b.get("/api/questions", params={"q": "convexity"}).json()  # type: ignore[attr-defined]
    assert "mine/convexity" not in [i["id"] for i in found["items"]]


def test_reviews_and_stats_are_per_user(multi: Web) -> None:
    a, b = _two_users(multi)
    a.post(  # type: ignore[attr-defined]
        "/api/reviews", json={"question_id": QID, "rating": 3}, headers={"X-CSRF-Token": _csrf(a)}
    )
    assert len(a.get("/api/reviews").json()) == 1  # type: ignore[attr-defined]
    assert b.get("/api/reviews").json() == []  # type: ignore[attr-defined]
    assert a.get("/api/stats").json()["reviews"] == 1  # type: ignore[attr-defined]
    assert b.get("/api/stats").json()["reviews"] == 0  # type: ignore[attr-defined]


def test_error_reports_are_for_admins_only(multi: Web) -> None:
    a, _ = _two_users(multi)
    a.post(f"/report/{QID}", data={"csrf_token": _csrf(a), "message": "typo"})  # type: ignore[attr-defined]
    assert a.get("/admin/reports").status_code == 403  # type: ignore[attr-defined]
    admin = new_client(multi.app)
    sign_up(admin, "admin")
    page = parse(admin.get("/admin/reports").text)
    assert "typo" in page.one("tbody").text() and "alice" in page.one("tbody").text()


def test_a_drill_token_cannot_be_used_by_another_user(multi: Web) -> None:
    a, b = _two_users(multi)
    html = a.post("/drill/start", data={"csrf_token": _csrf(a), "limit": "2"}).text  # type: ignore[attr-defined]
    token = parse(html).one("input", name="token").attrs["value"]
    stolen = b.post(  # type: ignore[attr-defined]
        "/drill/answer", data={"csrf_token": _csrf(b), "token": token, "answer": ANSWER}
    )
    assert stolen.status_code == 400 and "not yours" in stolen.text


# --- the building blocks --------------------------------------------------------------------
def test_signer_rejects_tampering() -> None:
    signer = Signer(b"k" * 32)
    token = signer.sign({"u": 1})
    assert signer.unsign(token) == {"u": 1}
    body, mac = token.split(".")
    assert signer.unsign(body + "." + mac[:-1] + ("A" if mac[-1] != "A" else "B")) is None
    assert Signer(b"other" * 8).unsign(token) is None
    assert signer.unsign("garbage") is None


def test_session_expires(tmp_path: Path) -> None:
    from datetime import timedelta

    from tests.e2e.support import START

    signer = Signer(b"k" * 32)
    token = Session.new(START).dump(signer)
    assert Session.load(signer, token, START + timedelta(days=13)) is not None
    assert Session.load(signer, token, START + timedelta(days=15)) is None


def test_rate_limiter_window() -> None:
    from datetime import timedelta

    from mlcoach.practice.clock import ManualClock
    from tests.e2e.support import START

    clock = ManualClock(START)
    limiter = RateLimiter(2, timedelta(minutes=1), clock)
    limiter.hit("a")
    limiter.hit("a")
    assert limiter.retry_after("a") == 60 and limiter.retry_after("b") == 0
    clock.advance(seconds=61)
    assert limiter.retry_after("a") == 0


def test_default_password_hashing_is_argon2id_with_the_library_defaults() -> None:
    from argon2 import PasswordHasher

    from mlcoach.web.security import Passwords

    hashed = Passwords().hash("correct horse battery")
    default = PasswordHasher()
    assert hashed.startswith("$argon2id$")
    assert f"m={default.memory_cost},t={default.time_cost}" in hashed


def test_serve_refuses_a_port_in_use(tmp_path: Path) -> None:
    import socket

    from mlcoach.web.serving import check_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=f"--port {port + 1}"):
            check_port("127.0.0.1", port)
