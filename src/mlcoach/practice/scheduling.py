"""Spaced repetition with FSRS: one card per user and question, reviewed with a rating.

An adapter over `fsrs.Scheduler`: our `CardState` (with our database id) in, a new
`CardState` and a `Review` out. Nothing here reads the clock or touches the store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Any

import fsrs

from mlcoach.domain import CardState, Grade, Review

NO_FSRS_ID = 0  # fsrs wants an int id; ours is the database id, stamped in when it exists


class Rating(IntEnum):
    """How well the user recalled the answer (the four FSRS grades)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


class CardStage(StrEnum):
    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


def suggest_rating(grade: Grade | None) -> Rating:
    """The rating a grade suggests; None means the user revealed the answer without trying.

    A missed essential point is what an interviewer marks down, so it caps the suggestion
    at Hard whatever the score.
    """
    if grade is None or grade.score < 1.5:
        return Rating.AGAIN
    rating = Rating.EASY
    if grade.score < 2.75:
        rating = Rating.HARD
    elif grade.score < 4.25:
        rating = Rating.GOOD
    if any(p.essential and not p.covered for p in grade.points):
        rating = min(rating, Rating.HARD)
    return rating


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(UTC)


class CardScheduler:
    """FSRS with the user's desired retention; fuzzing off makes intervals deterministic."""

    def __init__(self, *, desired_retention: float = 0.9, enable_fuzzing: bool = True) -> None:
        self.fsrs = fsrs.Scheduler(
            desired_retention=desired_retention, enable_fuzzing=enable_fuzzing
        )

    def new(self, user_id: int, question_id: str, *, now: datetime) -> CardState:
        """A card never reviewed, due at `now`."""
        card = fsrs.Card(card_id=NO_FSRS_ID, due=_utc(now))
        return CardState(user_id, question_id, card.due, _to_dict(card))

    def review(
        self,
        card: CardState,
        rating: Rating,
        *,
        now: datetime,
        duration_ms: int | None = None,
        suggested: Rating | None = None,
    ) -> tuple[CardState, Review]:
        """The rescheduled card and the review to log (the caller stores both together)."""
        moment = _utc(now)
        updated, _log = self.fsrs.review_card(
            _card(card), fsrs.Rating(int(rating)), review_datetime=moment
        )
        review = Review(
            card.user_id,
            card.question_id,
            int(rating),
            moment,
            duration_ms,
            int(suggested) if suggested is not None else None,
        )
        return replace(card, due=updated.due, fsrs=_to_dict(updated)), review

    def due_now(self, card: CardState, *, now: datetime) -> CardState:
        """The same card (memory state kept) brought forward to be due at `now`."""
        moment = _utc(now)
        if card.due <= moment:
            return card
        return replace(card, due=moment, fsrs={**card.fsrs, "due": moment.isoformat()})

    def retrievability(self, card: CardState, *, now: datetime) -> float:
        """Predicted probability of recall at `now` (0 for a card never reviewed)."""
        return float(self.fsrs.get_card_retrievability(_card(card), current_datetime=_utc(now)))

    def interval_days(self, before: CardState, after: CardState) -> float:
        """Days from the review to the next due date."""
        reviewed = _card(after).last_review or before.due
        return (after.due - reviewed).total_seconds() / 86400


def stage(card: CardState | None) -> CardStage:
    if card is None or not card.fsrs.get("last_review"):
        return CardStage.NEW
    return {
        int(fsrs.State.Learning): CardStage.LEARNING,
        int(fsrs.State.Review): CardStage.REVIEW,
        int(fsrs.State.Relearning): CardStage.RELEARNING,
    }[int(card.fsrs["state"])]


def _card(card: CardState) -> fsrs.Card:
    data: Any = {**card.fsrs, "card_id": card.id or NO_FSRS_ID}
    return fsrs.Card.from_dict(data)


def _to_dict(card: fsrs.Card) -> dict[str, Any]:
    return dict(card.to_dict())
