"""Persistence: SQLAlchemy tables, repositories returning domain objects, migrations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from mlcoach.store.accounts import DeckRepo, ImportedQuestionRepo, UserRepo
from mlcoach.store.db import make_engine, upgrade
from mlcoach.store.progress import AttemptRepo, CardRepo, MockSessionRepo, ReviewRepo


@dataclass
class Store:
    """Every repository over one engine."""

    engine: Engine

    def __post_init__(self) -> None:
        self.users = UserRepo(self.engine)
        self.decks = DeckRepo(self.engine)
        self.imported = ImportedQuestionRepo(self.engine)
        self.cards = CardRepo(self.engine)
        self.reviews = ReviewRepo(self.engine)
        self.attempts = AttemptRepo(self.engine)
        self.mocks = MockSessionRepo(self.engine)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        engine = make_engine(url)
        if migrate:
            upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()


__all__ = ["Store", "make_engine", "upgrade"]
