"""Repository queries for the practice loop that the progress repositories do not offer.

Same rules as store/progress.py: every write commits before it returns, every query is
scoped to one user.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select, update

from mlcoach.domain import Attempt, CardState, MockSession, Review
from mlcoach.errors import NotFound
from mlcoach.store.progress import (
    _attempt,
    _mock,
    insert_attempt,
    insert_review,
    stamped,
    upsert_card,
)
from mlcoach.store.tables import attempts, mock_sessions, review_logs
from mlcoach.store.types import UTCDateTime, utcnow


class PracticeRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record_review(self, card: CardState, review: Review) -> CardState:
        """Save the rescheduled card and its review log in one transaction."""
        with self.engine.begin() as conn:
            card_id = upsert_card(conn, card, utcnow())
            insert_review(conn, review, card_id)
        return stamped(card, card_id)

    def save_card(self, card: CardState) -> CardState:
        with self.engine.begin() as conn:
            card_id = upsert_card(conn, card, utcnow())
        return stamped(card, card_id)

    def record_mock_answer(
        self,
        attempt: Attempt,
        session_id: int,
        state_for: Callable[[int], tuple[dict[str, Any], dict[str, Any] | None]],
        *,
        due: list[CardState],
        finished_at: datetime | None = None,
    ) -> int:
        """One transaction for a mock answer: the attempt, the cards it makes due, and the
        interview's new state (built by `state_for(attempt_id)`; with a report, it ends)."""
        with self.engine.begin() as conn:
            attempt_id = insert_attempt(conn, attempt)
            for card in due:
                upsert_card(conn, card, utcnow())
            state, report = state_for(attempt_id)
            values: dict[str, Any] = {"state": state}
            if report is not None:
                values.update(report=report, finished_at=finished_at or utcnow())
            done = conn.execute(
                update(mock_sessions)
                .where(mock_sessions.c.id == session_id, mock_sessions.c.user_id == attempt.user_id)
                .values(**values)
            )
            if done.rowcount == 0:
                raise NotFound(f"no mock interview with id {session_id}")
        return attempt_id

    def first_reviews(self, user_id: int) -> dict[str, datetime]:
        """When each question was first reviewed: when its card was introduced."""
        query = (
            select(review_logs.c.question_id, func.min(review_logs.c.reviewed_at))
            .where(review_logs.c.user_id == user_id)
            .group_by(review_logs.c.question_id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return {row[0]: self._moment(row[1]) for row in rows}

    def attempts(self, user_id: int, *, since: datetime | None = None) -> list[Attempt]:
        query = select(attempts).where(attempts.c.user_id == user_id)
        if since is not None:
            query = query.where(attempts.c.submitted_at >= since)
        query = query.order_by(attempts.c.submitted_at, attempts.c.id)
        with self.engine.connect() as conn:
            return [_attempt(row) for row in conn.execute(query)]

    def unfinished_mock(self, user_id: int) -> MockSession | None:
        query = (
            select(mock_sessions)
            .where(mock_sessions.c.user_id == user_id, mock_sessions.c.finished_at.is_(None))
            .order_by(mock_sessions.c.started_at.desc(), mock_sessions.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return _mock(row) if row else None

    def last_mock_start(self, user_id: int) -> datetime | None:
        query = select(func.max(mock_sessions.c.started_at)).where(
            mock_sessions.c.user_id == user_id
        )
        with self.engine.connect() as conn:
            value = conn.execute(query).scalar()
        return self._moment(value) if value is not None else None

    def _moment(self, value: Any) -> datetime:
        """MIN()/MAX() lose the column type (SQLite returns text): read it back as UTC."""
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        moment = UTCDateTime().process_result_value(value, self.engine.dialect)
        assert moment is not None
        return moment
