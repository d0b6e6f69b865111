"""Signed session cookies, CSRF tokens, password hashing and login rate limiting."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import secrets
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

SESSION_COOKIE = "mlcoach_session"
SESSION_MAX_AGE = timedelta(days=14)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_secret(configured: str | None, data_dir: Path) -> bytes:
    """The configured key, else a random one created once and kept in <data_dir>/web-secret."""
    if configured:
        return configured.encode()
    path = data_dir / "web-secret"
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{secrets.token_hex(4)}.tmp")
    tmp.write_text(key.hex(), encoding="ascii")
    tmp.chmod(0o600)
    try:
        path.hardlink_to(tmp)  # first writer wins when two processes start together
    except FileExistsError:
        tmp.unlink()
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    tmp.unlink()
    return key


class Signer:
    """HMAC-SHA256 signed, URL-safe JSON values (the same idea as itsdangerous)."""

    def __init__(self, secret: bytes) -> None:
        self._key = hashlib.sha256(b"mlcoach-session|" + secret).digest()
        self._csrf_key = hashlib.sha256(b"mlcoach-csrf|" + secret).digest()

    def sign(self, data: dict[str, Any]) -> str:
        body = _b64(json.dumps(data, separators=(",", ":"), sort_keys=True).encode())
        return f"{body}.{self._mac(body)}"

    def unsign(self, token: str) -> dict[str, Any] | None:
        body, _, mac = token.partition(".")
        if not mac or not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            value = json.loads(_unb64(body))
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def csrf_token(self, nonce: str) -> str:
        return hmac.new(self._csrf_key, nonce.encode(), hashlib.sha256).hexdigest()[:40]

    def check_csrf(self, nonce: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_token(nonce), str(token))

    def _mac(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Session:
    """What the session cookie carries: a per-browser nonce and, once signed in, the user."""

    nonce: str
    user_id: int | None = None
    fingerprint: str = ""  # changes with the password, so a new password ends old sessions
    issued: int = 0
    changed: bool = False

    @classmethod
    def new(cls, now: datetime) -> Session:
        return cls(secrets.token_urlsafe(18), issued=int(now.timestamp()), changed=True)

    @classmethod
    def load(cls, signer: Signer, token: str | None, now: datetime) -> Session | None:
        data = signer.unsign(token) if token else None
        if data is None:
            return None
        try:
            issued = int(data["t"])
            session = cls(str(data["n"]), data.get("u"), str(data.get("f", "")), issued)
        except (KeyError, TypeError, ValueError):
            return None
        if now.timestamp() - issued > SESSION_MAX_AGE.total_seconds():
            return None
        return session

    def dump(self, signer: Signer) -> str:
        return signer.sign(
            {"n": self.nonce, "u": self.user_id, "f": self.fingerprint, "t": self.issued}
        )

    def sign_in(self, user_id: int, fingerprint: str, now: datetime) -> None:
        """A new nonce on every sign-in, so a session fixed before login is worthless after."""
        self.nonce = secrets.token_urlsafe(18)
        self.user_id, self.fingerprint = user_id, fingerprint
        self.issued, self.changed = int(now.timestamp()), True

    def sign_out(self, now: datetime) -> None:
        self.nonce = secrets.token_urlsafe(18)
        self.user_id, self.fingerprint = None, ""
        self.issued, self.changed = int(now.timestamp()), True


def password_fingerprint(password_hash: str | None) -> str:
    return hashlib.sha256((password_hash or "").encode()).hexdigest()[:16]


class Passwords:
    """Argon2id hashing (argon2-cffi's defaults are the RFC 9106 low-memory profile)."""

    MIN_LENGTH = 10

    def __init__(self, *, time_cost: int | None = None, memory_cost: int | None = None) -> None:
        """None keeps argon2-cffi's defaults (RFC 9106); tests pass cheap costs."""
        from argon2 import PasswordHasher

        default = PasswordHasher()
        self._hasher = PasswordHasher(
            time_cost=time_cost or default.time_cost,
            memory_cost=memory_cost or default.memory_cost,
        )
        self._dummy = self._hasher.hash(secrets.token_hex(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """Constant work whether or not the user exists, so timing does not reveal names."""
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(self._hasher.verify(password_hash or self._dummy, password)) and bool(
                password_hash
            )
        except (VerificationError, InvalidHashError):
            return False


@dataclass
class RateLimiter:
    """At most `limit` events per key in a sliding `window`; in memory, per process."""

    limit: int
    window: timedelta
    clock: Callable[[], datetime]
    _events: dict[str, deque[datetime]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def retry_after(self, *keys: str) -> int:
        """Seconds until every key is allowed again; 0 when none is over its limit."""
        now = self.clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                events = self._trim(key, now)
                if len(events) >= self.limit:
                    wait = max(wait, (events[0] + self.window - now).total_seconds())
        return math.ceil(wait)

    def hit(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._trim(key, now).append(now)

    def reset(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._events.pop(key, None)

    def _trim(self, key: str, now: datetime) -> deque[datetime]:
        events = self._events.setdefault(key, deque())
        while events and events[0] + self.window <= now:
            events.popleft()
        if len(self._events) > 100_000:  # bound memory under a flood of distinct keys
            self._events = {k: v for k, v in self._events.items() if v}
        return events
