"""FSRS adapter: ratings from grades, deterministic intervals, our ids, storage in one go."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from sqlalchemy import func, select

from mlcoach.domain import CardState, Grade, PointResult, Review
from mlcoach.practice.scheduling import CardScheduler, CardStage, Rating, stage, suggest_rating
from mlcoach.store import Store
from mlcoach.store.practice import PracticeRepo
from mlcoach.store.tables import cards, review_logs

T0 = datetime(2022, 11, 29, 12, 30, tzinfo=UTC)


def grade(score: float, *, missed_essential: bool = False) -> Grade:
    points = (
        PointResult("one", True, not missed_essential, 0.9),
        PointResult("two", False, True, 0.9),
    )
    return Grade(score, points, (), "")


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.0, Rating.AGAIN),
        (1.49, Rating.AGAIN),
        (1.5, Rating.HARD),
        (2.74, Rating.HARD),
        (2.75, Rating.GOOD),
        (4.24, Rating.GOOD),
        (4.25, Rating.EASY),
        (5.0, Rating.EASY),
    ],
)
def test_the_grade_suggests_a_rating(score: float, expected: Rating) -> None:
    assert suggest_rating(grade(score)) is expected


def test_revealing_suggests_again_and_a_missed_essential_point_caps_at_hard() -> None:
    assert suggest_rating(None) is Rating.AGAIN
    assert suggest_rating(grade(3.4, missed_essential=True)) is Rating.HARD
    assert suggest_rating(grade(1.0, missed_essential=True)) is Rating.AGAIN


def test_interval_history_is_deterministic_without_fuzzing() -> None:
    scheduler = CardScheduler(enable_fuzzing=False)
    card = scheduler.new(1, "q", now=T0)
    now, intervals = T0, []
    ratings = [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3]
    for value in ratings:
        card, review = scheduler.review(card, Rating(value), now=now)
        assert review.rating == value and review.reviewed_at == now
        intervals.append(card.due - now)
        now = card.due
    ten_minutes = timedelta(minutes=10)
    days = [timedelta(days=d) for d in (2, 11, 46, 163, 498)]
    assert intervals == [ten_minutes, *days, ten_minutes, ten_minutes] + [
        timedelta(days=d) for d in (2, 4, 7, 12, 21)
    ]


def test_the_adapter_gives_what_fsrs_gives_with_our_ids_not_clock_ids() -> None:
    scheduler = CardScheduler(enable_fuzzing=False)
    ours = CardState(7, "q", T0, scheduler.new(7, "q", now=T0).fsrs, id=42)
    updated, review = scheduler.review(ours, Rating.EASY, now=T0, duration_ms=1500)
    theirs, _ = fsrs.Scheduler(enable_fuzzing=False).review_card(
        fsrs.Card(card_id=42, due=T0), fsrs.Rating.Easy, review_datetime=T0
    )
    assert updated.fsrs == dict(theirs.to_dict())
    assert updated.fsrs["card_id"] == 42 and updated.id == 42
    assert scheduler.new(7, "r", now=T0).fsrs["card_id"] == 0
    assert json.loads(json.dumps(updated.fsrs)) == updated.fsrs
    assert (review.user_id, review.question_id, review.duration_ms) == (7, "q", 1500)


def test_desired_retention_shortens_or_lengthens_intervals() -> None:
    def first_interval(retention: float) -> timedelta:
        scheduler = CardScheduler(desired_retention=retention, enable_fuzzing=False)
        card, _ = scheduler.review(scheduler.new(1, "q", now=T0), Rating.EASY, now=T0)
        return card.due - T0

    assert first_interval(0.95) < first_interval(0.9) < first_interval(0.8)


def test_due_now_keeps_the_memory_state_and_retrievability_decays() -> None:
    scheduler = CardScheduler(enable_fuzzing=False)
    card, _ = scheduler.review(scheduler.new(1, "q", now=T0), Rating.EASY, now=T0)
    assert stage(card) is CardStage.REVIEW and stage(None) is CardStage.NEW
    later = T0 + timedelta(days=1)
    brought = scheduler.due_now(card, now=later)
    assert brought.due == later and brought.fsrs["due"] == later.isoformat()
    assert brought.fsrs["stability"] == card.fsrs["stability"]
    assert scheduler.due_now(brought, now=later + timedelta(days=1)) is brought  # already due
    r1 = scheduler.retrievability(card, now=T0 + timedelta(days=2))
    r2 = scheduler.retrievability(card, now=T0 + timedelta(days=30))
    assert 1.0 > r1 > r2 > 0.0
    assert scheduler.retrievability(scheduler.new(1, "r", now=T0), now=T0) == 0.0


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CardScheduler().new(1, "q", now=datetime(2024, 1, 1))


def test_a_review_saves_the_card_with_our_id_and_its_log_together(database_url: str) -> None:
    store = Store.open(database_url)
    user = store.users.ensure("ada")
    repo = PracticeRepo(store.engine)
    scheduler = CardScheduler(enable_fuzzing=False)
    card, review = scheduler.review(scheduler.new(user.id, "q", now=T0), Rating.GOOD, now=T0)
    saved = repo.record_review(card, review)
    assert saved.id is not None and saved.fsrs["card_id"] == saved.id
    assert store.cards.get(user.id, "q") == saved
    later = saved.due
    again, review2 = scheduler.review(saved, Rating.AGAIN, now=later)
    repo.record_review(again, review2)
    [stored] = store.cards.all(user.id)
    assert stored.id == saved.id and stored.fsrs["card_id"] == saved.id
    assert [r.rating for r in store.reviews.list(user.id)] == [3, 1]
    assert repo.first_reviews(user.id) == {"q": T0}
    store.close()


def test_a_failed_review_log_leaves_the_card_untouched(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(f"sqlite:///{tmp_path / 'x.db'}")
    user = store.users.ensure("ada")
    repo = PracticeRepo(store.engine)
    scheduler = CardScheduler(enable_fuzzing=False)
    card, _ = scheduler.review(scheduler.new(user.id, "q", now=T0), Rating.GOOD, now=T0)
    orphan = Review(user.id + 100, "q", 3, T0)  # no such user: the log insert fails
    with pytest.raises(Exception, match="FOREIGN KEY"):
        repo.record_review(card, orphan)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(cards)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(review_logs)).scalar_one() == 0
    store.close()
