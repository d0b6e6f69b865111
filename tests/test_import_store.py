"""One transaction per import, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mlcoach.domain import Kind, Question
from mlcoach.errors import StoreError
from mlcoach.store import Store
from mlcoach.store.imports import ImportRepo, NewQuestion


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = Store.open(database_url)
    yield s
    s.close()


def item(n: int, *, digest: str | None = None) -> NewQuestion:
    question = Question(id=f"deck/q{n}", title=f"Question {n}?", kind=Kind.CONCEPT, topics=())
    return NewQuestion(question, digest if digest is not None else f"hash-{n}", source="f.md")


def test_add_all_creates_the_deck_and_is_idempotent(store: Store) -> None:
    user = store.users.ensure("u")
    repo = ImportRepo(store.engine)
    assert repo.index(user.id, "deck").ids == frozenset()
    added = repo.add_all(user.id, "deck", [item(1), item(2)])
    assert [q.id for q in added] == ["deck/q1", "deck/q2"]
    assert repo.add_all(user.id, "deck", [item(1), item(2)]) == []
    again = repo.add_all(user.id, "deck", [item(3, digest="hash-1"), item(4)])
    assert [q.id for q in again] == ["deck/q4"]  # same content under another id: skipped
    index = repo.index(user.id, "deck")
    assert index.by_hash == {"hash-1": "deck/q1", "hash-2": "deck/q2", "hash-4": "deck/q4"}
    assert [q.id for q in store.imported.list(user.id, deck="deck")] == [
        "deck/q1",
        "deck/q2",
        "deck/q4",
    ]


def test_a_failure_part_way_leaves_no_deck_and_no_question(store: Store) -> None:
    user = store.users.ensure("u")
    repo = ImportRepo(store.engine)
    broken = item(3)
    broken = NewQuestion(broken.question, None, source=None)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="nothing was imported"):
        repo.add_all(user.id, "fresh", [item(1), item(2), broken])
    assert store.decks.list(user.id) == []
    assert store.imported.list(user.id) == []


def test_decks_are_per_user(store: Store) -> None:
    alice, bob = store.users.ensure("alice"), store.users.ensure("bob")
    repo = ImportRepo(store.engine)
    repo.add_all(alice.id, "deck", [item(1)])
    assert [q.id for q in repo.add_all(bob.id, "deck", [item(1)])] == ["deck/q1"]
    assert repo.index(alice.id, "deck").ids == {"deck/q1"}
    assert len(store.imported.list(bob.id)) == 1
