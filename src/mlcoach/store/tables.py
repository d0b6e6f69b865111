"""SQLAlchemy tables. Kept apart from the domain dataclasses; repositories convert."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from mlcoach.store.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("password_hash", String(255)),
    Column("created_at", UTCDateTime(), nullable=False),
)

decks = Table(
    "decks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("user_id", "name", name="uq_decks_user_id_name"),
)

imported_questions = Table(
    "imported_questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("deck_id", ForeignKey("decks.id", ondelete="CASCADE"), nullable=False),
    Column("question_id", String(255), nullable=False),  # "<deck>/<slug>"
    Column("title", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("data", JSON, nullable=False),  # Question.to_dict()
    Column("source", Text),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("deck_id", "question_id", name="uq_imported_questions_deck_id_question_id"),
    UniqueConstraint("deck_id", "content_hash", name="uq_imported_questions_deck_id_content_hash"),
)

cards = Table(
    "cards",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("question_id", String(255), nullable=False),
    Column("fsrs", JSON, nullable=False),  # fsrs.Card.to_dict()
    Column("due", UTCDateTime(), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("user_id", "question_id", name="uq_cards_user_id_question_id"),
    Index("ix_cards_user_id_due", "user_id", "due"),
)

review_logs = Table(
    "review_logs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("card_id", ForeignKey("cards.id", ondelete="CASCADE"), nullable=False),
    Column("question_id", String(255), nullable=False),
    Column("rating", Integer, nullable=False),
    Column("suggested_rating", Integer),
    Column("duration_ms", Integer),
    Column("reviewed_at", UTCDateTime(), nullable=False),
    Index("ix_review_logs_user_id_reviewed_at", "user_id", "reviewed_at"),
)

attempts = Table(
    "attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("question_id", String(255), nullable=False),
    Column("answer", Text, nullable=False),
    Column("grade", JSON, nullable=False),
    Column("overrides", JSON, nullable=False),
    Column("source", String(20), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("submitted_at", UTCDateTime(), nullable=False),
    Index("ix_attempts_user_id_question_id", "user_id", "question_id"),
)

mock_sessions = Table(
    "mock_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(40), nullable=False),
    Column("level", String(20), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("state", JSON, nullable=False),
    Column("report", JSON),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("finished_at", UTCDateTime()),
    Index("ix_mock_sessions_user_id_started_at", "user_id", "started_at"),
)
