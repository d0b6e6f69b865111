"""Repositories for a user's progress: cards, reviews, attempts and mock sessions.

Every write commits before it returns, so what a caller acknowledges survives a crash.
Every query is scoped to one user.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Row, func, insert, select, update

from mlcoach.domain import Attempt, CardState, MockSession, Review
from mlcoach.errors import NotFound
from mlcoach.store.tables import attempts, cards, mock_sessions, review_logs
from mlcoach.store.types import utcnow


class CardRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, user_id: int, question_id: str) -> CardState | None:
        query = select(cards).where(cards.c.user_id == user_id, cards.c.question_id == question_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return _card(row) if row else None

    def save(self, card: CardState) -> CardState:
        """Insert or update the user's card for this question."""
        with self.engine.begin() as conn:
            card_id = upsert_card(conn, card, utcnow())
        return stamped(card, card_id)

    def record_review(self, card: CardState, review: Review) -> CardState:
        """Save the rescheduled card and its review log in one transaction."""
        with self.engine.begin() as conn:
            card_id = upsert_card(conn, card, utcnow())
            insert_review(conn, review, card_id)
        return stamped(card, card_id)

    def due(self, user_id: int, now: datetime, *, limit: int = 100) -> list[CardState]:
        query = (
            select(cards)
            .where(cards.c.user_id == user_id, cards.c.due <= now)
            .order_by(cards.c.due, cards.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [_card(row) for row in conn.execute(query)]

    def all(self, user_id: int) -> list[CardState]:
        query = select(cards).where(cards.c.user_id == user_id).order_by(cards.c.id)
        with self.engine.connect() as conn:
            return [_card(row) for row in conn.execute(query)]


def upsert_card(conn: Any, card: CardState, now: datetime) -> int:
    """Insert or update a card inside the caller's transaction. The stored `fsrs` JSON
    carries our card id, never the clock-based id the fsrs library would make up."""
    found = conn.execute(
        select(cards.c.id).where(
            cards.c.user_id == card.user_id, cards.c.question_id == card.question_id
        )
    ).first()
    if found is None:
        key = conn.execute(
            insert(cards).values(
                user_id=card.user_id, question_id=card.question_id, fsrs=card.fsrs,
                due=card.due, created_at=now, updated_at=now,
            )
        ).inserted_primary_key  # fmt: skip
        card_id = int(key[0])
    else:
        card_id = int(found.id)
    conn.execute(
        update(cards)
        .where(cards.c.id == card_id)
        .values(fsrs={**card.fsrs, "card_id": card_id}, due=card.due, updated_at=now)
    )
    return card_id


def stamped(card: CardState, card_id: int) -> CardState:
    fsrs = {**card.fsrs, "card_id": card_id}
    return CardState(card.user_id, card.question_id, card.due, fsrs, card_id)


def insert_review(conn: Any, review: Review, card_id: int) -> None:
    conn.execute(
        insert(review_logs).values(
            user_id=review.user_id,
            card_id=card_id,
            question_id=review.question_id,
            rating=review.rating,
            suggested_rating=review.suggested_rating,
            duration_ms=review.duration_ms,
            reviewed_at=review.reviewed_at,
        )
    )


def insert_attempt(conn: Any, attempt: Attempt) -> int:
    key = conn.execute(
        insert(attempts).values(
            user_id=attempt.user_id,
            question_id=attempt.question_id,
            answer=attempt.answer,
            grade=attempt.grade,
            overrides=attempt.overrides,
            source=attempt.source,
            started_at=attempt.started_at,
            submitted_at=attempt.submitted_at,
        )
    ).inserted_primary_key
    assert key is not None
    return int(key[0])


def _card(row: Row[Any]) -> CardState:
    m = row._mapping
    return CardState(m["user_id"], m["question_id"], m["due"], m["fsrs"], m["id"])


class ReviewRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def list(self, user_id: int, *, since: datetime | None = None) -> list[Review]:
        query = select(review_logs).where(review_logs.c.user_id == user_id)
        if since is not None:
            query = query.where(review_logs.c.reviewed_at >= since)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(review_logs.c.reviewed_at, review_logs.c.id))
            return [
                Review(
                    r.user_id,
                    r.question_id,
                    r.rating,
                    r.reviewed_at,
                    r.duration_ms,
                    r.suggested_rating,
                    r.id,
                )
                for r in rows
            ]

    def count(self, user_id: int) -> int:
        query = select(func.count()).select_from(review_logs)
        with self.engine.connect() as conn:
            return int(conn.execute(query.where(review_logs.c.user_id == user_id)).scalar_one())


class AttemptRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, attempt: Attempt) -> Attempt:
        with self.engine.begin() as conn:
            attempt_id = insert_attempt(conn, attempt)
        return _replace_id(attempt, attempt_id)

    def get(self, user_id: int, attempt_id: int) -> Attempt:
        query = select(attempts).where(attempts.c.id == attempt_id, attempts.c.user_id == user_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound(f"no attempt with id {attempt_id}")
        return _attempt(row)

    def for_question(self, user_id: int, question_id: str) -> list[Attempt]:
        query = (
            select(attempts)
            .where(attempts.c.user_id == user_id, attempts.c.question_id == question_id)
            .order_by(attempts.c.submitted_at.desc(), attempts.c.id.desc())
        )
        with self.engine.connect() as conn:
            return [_attempt(row) for row in conn.execute(query)]

    def set_overrides(self, user_id: int, attempt_id: int, overrides: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(
                update(attempts)
                .where(attempts.c.id == attempt_id, attempts.c.user_id == user_id)
                .values(overrides=overrides)
            )
        if done.rowcount == 0:
            raise NotFound(f"no attempt with id {attempt_id}")


def _attempt(row: Row[Any]) -> Attempt:
    m = row._mapping
    return Attempt(
        m["user_id"],
        m["question_id"],
        m["answer"],
        m["grade"],
        m["started_at"],
        m["submitted_at"],
        m["source"],
        m["overrides"],
        m["id"],
    )


def _replace_id(attempt: Attempt, new_id: int) -> Attempt:
    from dataclasses import replace

    return replace(attempt, id=new_id)


class MockSessionRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, session: MockSession) -> MockSession:
        from dataclasses import replace

        with self.engine.begin() as conn:
            key = conn.execute(
                insert(mock_sessions).values(
                    user_id=session.user_id,
                    role=session.role,
                    level=session.level,
                    minutes=session.minutes,
                    state=session.state,
                    report=session.report,
                    started_at=session.started_at,
                    finished_at=session.finished_at,
                )
            ).inserted_primary_key
        assert key is not None
        return replace(session, id=int(key[0]))

    def save_state(
        self,
        user_id: int,
        session_id: int,
        state: dict[str, Any],
        *,
        report: dict[str, Any] | None = None,
        finished_at: datetime | None = None,
    ) -> None:
        values: dict[str, Any] = {"state": state}
        if report is not None:
            values.update(report=report, finished_at=finished_at or utcnow())
        with self.engine.begin() as conn:
            done = conn.execute(
                update(mock_sessions)
                .where(mock_sessions.c.id == session_id, mock_sessions.c.user_id == user_id)
                .values(**values)
            )
        if done.rowcount == 0:
            raise NotFound(f"no mock interview with id {session_id}")

    def get(self, user_id: int, session_id: int) -> MockSession:
        query = select(mock_sessions).where(
            mock_sessions.c.id == session_id, mock_sessions.c.user_id == user_id
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound(f"no mock interview with id {session_id}")
        return _mock(row)

    def list(self, user_id: int) -> list[MockSession]:
        query = (
            select(mock_sessions)
            .where(mock_sessions.c.user_id == user_id)
            .order_by(mock_sessions.c.started_at.desc())
        )
        with self.engine.connect() as conn:
            return [_mock(row) for row in conn.execute(query)]


def _mock(row: Row[Any]) -> MockSession:
    m = row._mapping
    return MockSession(
        m["user_id"],
        m["role"],
        m["level"],
        m["minutes"],
        m["state"],
        m["started_at"],
        m["finished_at"],
        m["report"],
        m["id"],
    )
