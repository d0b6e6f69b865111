"""The one object every route reaches through `request.app.state.web`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from mlcoach.config import Settings
from mlcoach.web.records import ErrorReports, PreferenceStore
from mlcoach.web.security import Passwords, RateLimiter, Signer, load_secret

if TYPE_CHECKING:
    from mlcoach.domain import User
    from mlcoach.services import Services


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class WebState:
    settings: Settings
    services: Services
    clock: Callable[[], datetime] = utc_now
    _local_user: User | None = field(default=None, repr=False)
    _related: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        data = self.settings.data_dir
        self.signer = Signer(load_secret(self.settings.secret_key, data))
        self.reports = ErrorReports(data / "web" / "error-reports.jsonl")
        self.prefs = PreferenceStore(data / "web" / "preferences")
        # Five wrong passwords per 15 minutes per address and per account; sign-ups per address.
        self.login_limiter = RateLimiter(5, timedelta(minutes=15), self.clock)
        self.signup_limiter = RateLimiter(10, timedelta(hours=1), self.clock)

    @property
    def multi_user(self) -> bool:
        return self.settings.multi_user

    @cached_property
    def passwords(self) -> Passwords:
        return Passwords()

    def local_user(self) -> User:
        if self._local_user is None:
            self._local_user = self.services.local_user()
        return self._local_user

    def related(self, question_id: str) -> list[tuple[str, str]]:
        """The five closest bank questions (id, title), computed once per question: the
        bank does not change while the process runs."""
        found = self._related.get(question_id)
        if found is None:
            hits = self.services.related(question_id, limit=5)
            found = self._related[question_id] = [(h.id, h.title) for h in hits]
        return found

    def is_admin(self, user: User) -> bool:
        if not self.multi_user:
            return True
        names = {n.strip() for n in self.settings.admins.split(",") if n.strip()}
        return user.username in names
