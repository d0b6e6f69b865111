"""Repositories round-trip domain objects on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from mlcoach.domain import Attempt, CardState, KeyPoint, Kind, MockSession, Question, Review
from mlcoach.errors import MlcoachError, NotFound
from mlcoach.store import Store

NOW = datetime(2026, 11, 21, 12, 30, tzinfo=UTC)


@pytest.fixture
def store(database_url: str) -> Any:
    s = Store.open(database_url)
    yield s
    s.close()


def test_users_are_unique_and_ensure_is_idempotent(store: Store) -> None:
    alice = store.users.ensure("alice")
    assert store.users.ensure("alice") == alice
    assert store.users.get(alice.id).username == "alice"
    assert alice.created_at.tzinfo is not None
    with pytest.raises(MlcoachError, match="taken"):
        store.users.create("alice")
    with pytest.raises(NotFound):
        store.users.get(alice.id + 100)


def test_cards_and_reviews_round_trip_with_aware_times(store: Store) -> None:
    user = store.users.ensure("u")
    fsrs = {
        "card_id": 1,
        "state": 1,
        "step": 0,
        "stability": None,
        "difficulty": None,
        "due": NOW.isoformat(),
        "last_review": None,
    }
    card = store.cards.save(CardState(user.id, "bias-variance", NOW, fsrs))
    assert card.id is not None
    later = NOW + timedelta(days=3)
    store.cards.record_review(
        CardState(user.id, "bias-variance", later, {**fsrs, "state": 2}),
        Review(user.id, "bias-variance", 3, NOW, duration_ms=4200, suggested_rating=2),
    )
    saved = store.cards.get(user.id, "bias-variance")
    assert saved is not None and saved.due == later and saved.fsrs["state"] == 2
    assert saved.due.tzinfo is not None and saved.id == card.id
    assert store.cards.due(user.id, NOW) == []
    assert [c.question_id for c in store.cards.due(user.id, later)] == ["bias-variance"]
    [review] = store.reviews.list(user.id)
    assert (review.rating, review.suggested_rating, review.duration_ms) == (3, 2, 4200)
    assert review.reviewed_at == NOW


def test_naive_datetimes_are_refused(store: Store) -> None:
    user = store.users.ensure("u")
    with pytest.raises(Exception, match="timezone-aware"):
        store.cards.save(CardState(user.id, "q", datetime(2026, 1, 1), {}))


def test_attempts_are_scoped_to_their_user(store: Store) -> None:
    alice, bob = store.users.ensure("alice"), store.users.ensure("bob")
    grade = {"score": 3.5, "points": [{"text": "x", "covered": True}]}
    attempt = store.attempts.add(
        Attempt(alice.id, "q1", "my answer ✓", grade, NOW, NOW + timedelta(seconds=90))
    )
    assert attempt.id is not None
    assert store.attempts.get(alice.id, attempt.id).grade == grade
    with pytest.raises(NotFound):
        store.attempts.get(bob.id, attempt.id)
    with pytest.raises(NotFound):
        store.attempts.set_overrides(bob.id, attempt.id, {"0": True})
    store.attempts.set_overrides(alice.id, attempt.id, {"0": True})
    assert store.attempts.for_question(alice.id, "q1")[0].overrides == {"0": True}
    assert store.attempts.for_question(bob.id, "q1") == []


def test_imported_questions_are_added_once_per_deck(store: Store) -> None:
    user = store.users.ensure("u")
    deck = store.decks.ensure(user.id, "notes")
    assert store.decks.ensure(user.id, "notes") == deck
    question = Question(
        id="notes/what-is-a-p-value",
        title="What is a p-value?",
        kind=Kind.CONCEPT,
        topics=("statistics-math",),
        answer="The probability...",
        key_points=(KeyPoint("Assumes the null is true.", essential=True, derived=True),),
    )
    assert store.imported.add(deck, question, content_hash="h1") is True
    assert store.imported.add(deck, question, content_hash="h1") is False
    [back] = store.imported.list(user.id)
    assert back == question
    assert store.imported.get(user.id, "notes/what-is-a-p-value").key_points[0].derived
    other = store.users.ensure("other")
    with pytest.raises(NotFound):
        store.imported.get(other.id, "notes/what-is-a-p-value")


def test_mock_sessions_keep_state_and_report(store: Store) -> None:
    user = store.users.ensure("u")
    session = store.mocks.create(MockSession(user.id, "mle", "mid", 30, {"step": 0}, NOW))
    assert session.id is not None
    store.mocks.save_state(user.id, session.id, {"step": 1})
    assert store.mocks.get(user.id, session.id).state == {"step": 1}
    store.mocks.save_state(user.id, session.id, {"step": 2}, report={"score": 3.1}, finished_at=NOW)
    done = store.mocks.get(user.id, session.id)
    assert done.report == {"score": 3.1} and done.finished_at == NOW
    assert [m.id for m in store.mocks.list(user.id)] == [session.id]
    other = store.users.ensure("other")
    with pytest.raises(NotFound):
        store.mocks.get(other.id, session.id)
