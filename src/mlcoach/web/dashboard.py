"""What the home page shows: due today, streak, readiness per role, where to continue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from mlcoach.domain import Attempt, MockSession, Role, User

if TYPE_CHECKING:
    from mlcoach.services import Services


@dataclass(frozen=True)
class Dashboard:
    due: int
    streak: int
    reviews: int
    readiness: list[tuple[Role, str, float]]  # role, title, 0-1, best first
    open_mock: MockSession | None
    last_attempt: Attempt | None
    answered: int


def dashboard(svc: Services, user: User, now: datetime) -> Dashboard:
    from mlcoach.web.practising import WebPractice

    practice = WebPractice(svc, user, lambda: now)
    history = practice.history()
    stats = practice.stats()
    readiness = sorted(
        (
            (role, guide.title, float(stats["readiness"][role.value]["score"]))
            for role, guide in svc.bank.roles.items()
        ),
        key=lambda item: (-item[2], item[1]),
    )
    mocks = [m for m in svc.store.mocks.list(user.id) if m.finished_at is None]
    recent = sorted(history.attempts, key=lambda a: (a.submitted_at, a.id or 0), reverse=True)
    return Dashboard(
        due=len(svc.store.cards.due(user.id, now, limit=10_000)),
        streak=int(stats["streak"]),
        reviews=int(stats["reviews"]),
        readiness=readiness,
        open_mock=mocks[0] if mocks else None,
        last_attempt=recent[0] if recent else None,
        answered=len({a.question_id for a in recent}),
    )
