"""Repositories for users, decks and imported questions."""

from __future__ import annotations

from sqlalchemy import Engine, Row, insert, select
from sqlalchemy.exc import IntegrityError

from mlcoach.domain import Deck, Question, User
from mlcoach.errors import MlcoachError, NotFound
from mlcoach.store.tables import decks, imported_questions, users
from mlcoach.store.types import utcnow


class UserRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, username: str, *, password_hash: str | None = None) -> User:
        now = utcnow()
        try:
            with self.engine.begin() as conn:
                new_id = conn.execute(
                    insert(users).values(
                        username=username, password_hash=password_hash, created_at=now
                    )
                ).inserted_primary_key
        except IntegrityError:
            raise MlcoachError(f"the user name {username!r} is taken") from None
        assert new_id is not None
        return User(int(new_id[0]), username, now, password_hash)

    def by_name(self, username: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).first()
        return _user(row) if row else None

    def get(self, user_id: int) -> User:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.id == user_id)).first()
        if row is None:
            raise NotFound(f"no user with id {user_id}")
        return _user(row)

    def ensure(self, username: str) -> User:
        """The named user, created on first use (the local single-user mode)."""
        existing = self.by_name(username)
        if existing is not None:
            return existing
        try:
            return self.create(username)
        except MlcoachError:  # created concurrently by another process
            found = self.by_name(username)
            assert found is not None
            return found


def _user(row: Row[tuple[object, ...]]) -> User:
    m = row._mapping
    return User(m["id"], m["username"], m["created_at"], m["password_hash"])


class DeckRepo:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def ensure(self, user_id: int, name: str) -> Deck:
        with self.engine.begin() as conn:
            row = conn.execute(
                select(decks).where(decks.c.user_id == user_id, decks.c.name == name)
            ).first()
            if row is None:
                now = utcnow()
                key = conn.execute(
                    insert(decks).values(user_id=user_id, name=name, created_at=now)
                ).inserted_primary_key
                assert key is not None
                return Deck(int(key[0]), user_id, name, now)
        m = row._mapping
        return Deck(m["id"], m["user_id"], m["name"], m["created_at"])

    def list(self, user_id: int) -> list[Deck]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(decks).where(decks.c.user_id == user_id).order_by(decks.c.name)
            ).all()
        return [Deck(r.id, r.user_id, r.name, r.created_at) for r in rows]


class ImportedQuestionRepo:
    """Questions a user imported, stored as Question.to_dict() under `<deck>/<slug>` ids."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self, deck: Deck, question: Question, *, content_hash: str, source: str | None = None
    ) -> bool:
        """Store the question; False (and nothing written) when the deck already has it."""
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(imported_questions.c.id).where(
                    imported_questions.c.deck_id == deck.id,
                    (imported_questions.c.content_hash == content_hash)
                    | (imported_questions.c.question_id == question.id),
                )
            ).first()
            if exists is not None:
                return False
            conn.execute(
                insert(imported_questions).values(
                    deck_id=deck.id,
                    question_id=question.id,
                    title=question.title,
                    content_hash=content_hash,
                    data=question.to_dict(),
                    source=source,
                    created_at=utcnow(),
                )
            )
        return True

    def list(self, user_id: int, *, deck: str | None = None) -> list[Question]:
        query = (
            select(imported_questions.c.data)
            .join(decks, decks.c.id == imported_questions.c.deck_id)
            .where(decks.c.user_id == user_id)
            .order_by(imported_questions.c.id)
        )
        if deck is not None:
            query = query.where(decks.c.name == deck)
        with self.engine.connect() as conn:
            return [Question.from_dict(row.data) for row in conn.execute(query)]

    def get(self, user_id: int, question_id: str) -> Question:
        query = (
            select(imported_questions.c.data)
            .join(decks, decks.c.id == imported_questions.c.deck_id)
            .where(decks.c.user_id == user_id, imported_questions.c.question_id == question_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound(f"no question with id {question_id!r}")
        return Question.from_dict(row.data)
