"""Shared by the web tests: warm services, an app per test, an HTML parser, a live server."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from mlcoach.config import Settings
from mlcoach.practice.clock import ManualClock
from mlcoach.services import Services
from mlcoach.web import create_app
from mlcoach.web.security import Passwords

START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
QID = "convexity-guarantees-ml-losses"  # has a display formula, a table-free answer
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_WARM: dict[str, Any] = {}


def warm_parts() -> dict[str, Any]:
    """The bank, a lexical encoder, grader and search index, built once per test session.

    The web tests check the web layer, not grading quality: the lexical encoder builds the
    search index in a second instead of encoding the bank with the model.
    """
    if not _WARM:
        from mlcoach.bank import load_bank
        from mlcoach.engine.grader import Grader
        from mlcoach.engine.lexical import LexicalEncoder
        from mlcoach.engine.search import SearchIndex

        bank = load_bank()
        encoder = LexicalEncoder()
        _WARM.update(
            bank=bank,
            encoder=encoder,
            grader=Grader(encoder),
            search_index=SearchIndex(list(bank.questions.values()), encoder),
        )
    return _WARM


def make_services(settings: Settings) -> Services:
    svc = Services(settings)
    for name, value in warm_parts().items():
        setattr(svc, name, value)  # pre-fills the cached properties
    return svc


@dataclass
class Web:
    app: FastAPI
    client: TestClient
    services: Services
    clock: ManualClock
    settings: Settings

    def csrf(self) -> str:
        token: str = self.client.get("/api/session").json()["csrf_token"]
        return token

    def post_form(self, url: str, data: dict[str, str], **kwargs: Any) -> Any:
        return self.client.post(url, data={"csrf_token": self.csrf(), **data}, **kwargs)


@contextmanager
def web(tmp_path: Path, *, base_url: str = "http://127.0.0.1", **overrides: Any) -> Iterator[Web]:
    settings = Settings(data_dir=tmp_path / "data", **overrides)
    svc = make_services(settings)
    clock = ManualClock(START)
    app = create_app(settings, services=svc, clock=clock, warm_up=False)
    app.state.web.passwords = cheap_passwords()
    try:
        with TestClient(app, base_url=base_url) as client:
            yield Web(app, client, svc, clock, settings)
    finally:
        svc.close()


def cheap_passwords() -> Passwords:
    """Still Argon2id, with a small cost: the suite signs up dozens of users."""
    return Passwords(time_cost=1, memory_cost=1024)


def new_client(app: FastAPI, base_url: str = "http://127.0.0.1") -> TestClient:
    return TestClient(app, base_url=base_url)


def sign_up(client: TestClient, username: str, password: str = "correct horse battery") -> Any:
    token = client.get("/api/session").json()["csrf_token"]
    return client.post(
        "/signup",
        data={"csrf_token": token, "username": username, "password": password, "confirm": password},
        follow_redirects=False,
    )


# --- a small HTML parser ----------------------------------------------------------------
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and all(
                    _attr_matches(child.attrs.get(k.rstrip("_").replace("_", "-")), v)
                    for k, v in attrs.items()
                ):
                    found.append(child)
                found += child.all(tag, **attrs)
        return found

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, **attrs)
        assert found, f"no <{tag} {attrs}> in the page"
        return found[0]


def _attr_matches(value: str | None, wanted: str) -> bool:
    if value is None:
        return False
    return wanted == value or wanted in value.split()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def form_token(html: str, name: str = "token") -> str:
    return parse(html).one("input", name=name).attrs["value"]


# --- a live server for the browser tests -----------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve the app with uvicorn on 127.0.0.1 and a free port, in a background thread."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
