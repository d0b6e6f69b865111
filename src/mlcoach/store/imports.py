"""Imported questions written all at once: one transaction per import, or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from mlcoach.domain import Question
from mlcoach.errors import StoreError
from mlcoach.store.tables import decks, imported_questions
from mlcoach.store.types import utcnow


@dataclass(frozen=True)
class NewQuestion:
    question: Question
    content_hash: str
    source: str | None = None


@dataclass(frozen=True)
class DeckIndex:
    """What a deck already holds: question id by content hash, and every question id."""

    by_hash: dict[str, str]
    ids: frozenset[str]


class ImportRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def index(self, user_id: int, deck: str) -> DeckIndex:
        """The deck's hashes and ids (empty when the deck does not exist yet)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(imported_questions.c.question_id, imported_questions.c.content_hash)
                .join(decks, decks.c.id == imported_questions.c.deck_id)
                .where(decks.c.user_id == user_id, decks.c.name == deck)
            ).all()
        return DeckIndex(
            {r.content_hash: r.question_id for r in rows}, frozenset(r[0] for r in rows)
        )

    def add_all(self, user_id: int, deck: str, items: list[NewQuestion]) -> list[Question]:
        """Insert the questions the deck lacks, creating the deck if needed, in ONE
        transaction: on any error nothing is written. Returns the questions inserted."""
        try:
            with self.engine.begin() as conn:
                deck_id = _ensure_deck(conn, user_id, deck)
                held = conn.execute(
                    select(
                        imported_questions.c.question_id, imported_questions.c.content_hash
                    ).where(imported_questions.c.deck_id == deck_id)
                ).all()
                ids = {r.question_id for r in held}
                hashes = {r.content_hash for r in held}
                fresh = []
                for item in items:
                    if item.question.id in ids or item.content_hash in hashes:
                        continue
                    ids.add(item.question.id)
                    hashes.add(item.content_hash)
                    fresh.append(item)
                if fresh:
                    now = utcnow()
                    conn.execute(
                        insert(imported_questions),
                        [
                            {
                                "deck_id": deck_id,
                                "question_id": item.question.id,
                                "title": item.question.title,
                                "content_hash": item.content_hash,
                                "data": item.question.to_dict(),
                                "source": item.source,
                                "created_at": now,
                            }
                            for item in fresh
                        ],
                    )
        except IntegrityError as exc:
            raise StoreError(
                f"nothing was imported into {deck!r}: the database refused a row "
                f"(another import at the same time?): {exc.orig}"
            ) from None
        except SQLAlchemyError as exc:
            raise StoreError(f"nothing was imported: the database refused it ({exc})") from None
        return [item.question for item in fresh]


def _ensure_deck(conn: Connection, user_id: int, name: str) -> int:
    found = conn.execute(
        select(decks.c.id).where(decks.c.user_id == user_id, decks.c.name == name)
    ).scalar()
    if found is not None:
        return int(found)
    key = conn.execute(
        insert(decks).values(user_id=user_id, name=name, created_at=utcnow())
    ).inserted_primary_key
    assert key is not None
    return int(key[0])
