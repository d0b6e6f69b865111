"""Drills: which card comes next, the daily pace of new cards, ratings, overrides.

Also home of the small hand-made bank and keyword grader the practice tests share, so
that what they assert does not move when the real grader is tuned.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mlcoach.bank import Bank
from mlcoach.bank.taxonomy import Taxonomy, Topic
from mlcoach.config import Settings
from mlcoach.domain import (
    CardState,
    Grade,
    KeyPoint,
    Kind,
    Level,
    PointResult,
    Question,
    Role,
    RoleGuide,
    Round,
)
from mlcoach.engine.rubric import Rubric
from mlcoach.practice.clock import ManualClock
from mlcoach.practice.drill import DrillFilter, DrillSession, introduced_on, new_card_order
from mlcoach.practice.grades import apply_overrides, grade_from_dict
from mlcoach.practice.scheduling import Rating
from mlcoach.practice.service import PracticeService
from mlcoach.services import Services

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


# --- shared test bank ------------------------------------------------------------------
def q(
    qid: str,
    topic: str,
    *,
    kind: Kind = Kind.CONCEPT,
    level: Level = Level.MID,
    minutes: int = 3,
    roles: tuple[Role, ...] = (Role.MLE,),
    follow_ups: tuple[str, ...] = (),
    points: tuple[tuple[str, bool], ...] | None = None,
) -> Question:
    """A question whose key points are covered by saying their marker word ('<id>-kN')."""
    points = points or ((f"{qid}-k1 first idea", True), (f"{qid}-k2 second idea", False))
    return Question(
        id=qid,
        title=f"Explain {qid}.",
        kind=kind,
        topics=(topic,),
        roles=roles,
        level=level,
        minutes=minutes,
        follow_ups=follow_ups,
        answer=f"The model answer of {qid}.",
        key_points=tuple(KeyPoint(text, essential) for text, essential in points),
    )


def make_bank(root: Path, questions: list[Question] | None = None) -> Bank:
    questions = questions or [
        q("a1", "t-a", level=Level.JUNIOR, follow_ups=("a3",)),
        q("a2", "t-a"),
        q("a3", "t-a", level=Level.SENIOR),
        q("b1", "t-b", level=Level.JUNIOR),
        q("b2", "t-b", kind=Kind.SCENARIO, minutes=4),
        q("c1", "t-c", roles=(Role.DS,)),
        q("c2", "t-c", kind=Kind.BEHAVIORAL, minutes=4),
    ]
    topics = {t: Topic(t, t.upper(), 1, {}) for t in ("t-a", "t-b", "t-c")}
    guide = RoleGuide(
        role=Role.MLE,
        title="ML engineer",
        rounds=(
            Round("Screen", 10, (Kind.CONCEPT, Kind.BEHAVIORAL), ("t-a", "t-c")),
            Round("Coding", 45, (Kind.CODING,), ("coding",)),
            Round("Depth", 20, (Kind.CONCEPT, Kind.SCENARIO), ("t-a", "t-b")),
        ),
        topic_weights={"t-a": 0.5, "t-b": 0.3, "t-c": 0.1, "coding": 0.1},
        salary=(),
        about="",
        loop="",
        checklist=(),
    )
    return Bank(
        root=root,
        taxonomy=Taxonomy(topics),
        questions={x.id: x for x in questions},
        roles={Role.MLE: guide},
    )


class KeywordGrader:
    """Covers a key point when the answer contains the point's first word; scores like the
    real grader's weighting (essential points count double, missed essentials cap)."""

    def grade(self, rubric: Rubric, answer: str) -> Grade:
        text = answer.lower()
        points = tuple(
            PointResult(p.text, p.essential, p.text.split()[0].lower() in text, 0.9)
            for p in rubric.points
        )
        weights = [2.0 if p.essential else 1.0 for p in points]
        covered = sum(w for w, p in zip(weights, points, strict=True) if p.covered)
        score = 5.0 * covered / sum(weights)
        missed = sum(p.essential and not p.covered for p in points)
        if missed:
            score = min(score, 3.4 if missed == 1 else 2.5)
        return Grade(round(score, 2), points, (), "feedback")


def fake_services(settings: Settings, bank: Bank) -> Services:
    svc = Services(settings)
    svc.__dict__["bank"] = bank
    svc.__dict__["grader"] = KeywordGrader()
    return svc


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def practice(settings: Settings, tmp_path: Path, clock: ManualClock) -> Iterator[PracticeService]:
    svc = fake_services(settings.model_copy(update={"new_cards_per_day": 3}), make_bank(tmp_path))
    yield PracticeService(svc, clock=clock, fuzzing=False)
    svc.close()


# --- pure parts -------------------------------------------------------------------------
def test_the_filter_restricts_topic_role_and_level() -> None:
    item = q("x", "t-a", level=Level.SENIOR, roles=(Role.DS,))
    assert DrillFilter().accepts(item)
    assert DrillFilter(topic="t-a", role=Role.DS, level=Level.SENIOR).accepts(item)
    assert not DrillFilter(topic="t-b").accepts(item)
    assert not DrillFilter(role=Role.MLE).accepts(item)
    assert not DrillFilter(level=Level.JUNIOR).accepts(item)
    assert not DrillFilter().accepts(q("code", "t-a", kind=Kind.CODING))


def test_new_cards_cover_every_topic_first_then_follow_the_weights(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    order = [x.id for x in new_card_order(bank.questions.values(), seen=set())]
    assert order[:3] == ["a1", "b1", "c1"]  # one per topic, easiest first, topics in turn
    weighted = new_card_order(
        bank.questions.values(), seen={"a1"}, weights={"t-a": 0.8, "t-b": 0.2}
    )
    ids = [x.id for x in weighted]
    assert ids[0] == "b1"  # t-b not seen yet: it comes before more of the heavier t-a
    assert ids[1:3] == ["a2", "a3"]  # then t-a for its weight
    assert set(ids[-2:]) == {"c1", "c2"}  # topics the role does not weigh come last
    assert "a1" not in ids


def test_a_session_takes_due_cards_first_then_new_ones_up_to_the_allowance(
    tmp_path: Path,
) -> None:
    bank = make_bank(tmp_path)
    due = [CardState(1, "c2", T0, {}), CardState(1, "b2", T0, {})]
    session = DrillSession(DrillFilter(topic="t-b"), limit=5, new_allowed=1, started_at=T0)
    pick = session.next(due=due, new=list(bank.questions.values()), questions=bank.questions)
    assert pick is not None and (pick.question_id, pick.is_new) == ("b2", False)
    session.record(_result("b2", is_new=False))
    pick = session.next(due=[], new=[bank.questions["b1"]], questions=bank.questions)
    assert pick is not None and (pick.question_id, pick.is_new) == ("b1", True)
    session.record(_result("b1", is_new=True))
    assert session.new_left == 0
    assert session.next(due=[], new=[bank.questions["b2"]], questions=bank.questions) is None
    full = DrillSession(DrillFilter(), limit=0, new_allowed=5, started_at=T0)
    assert full.next(due=due, new=[], questions=bank.questions) is None


def _result(qid: str, *, is_new: bool, score: float | None = 4.0) -> object:
    from mlcoach.practice.drill import CardResult

    return CardResult(qid, "t-b", is_new, score, Rating.GOOD, Rating.GOOD, 30.0, T0)


def test_cards_introduced_count_in_the_users_time_zone() -> None:
    from zoneinfo import ZoneInfo

    tokyo = ZoneInfo("Asia/Tokyo")
    first = {
        "a": datetime(2024, 3, 4, 14, 0, tzinfo=UTC),
        "b": datetime(2024, 3, 4, 16, 0, tzinfo=UTC),
    }
    # 14:00 UTC is 23:00 on the 4th in Tokyo; 16:00 UTC is already the 5th
    assert introduced_on(first, datetime(2024, 3, 4).date(), tokyo) == 1
    assert introduced_on(first, datetime(2024, 3, 4).date(), UTC) == 2


def test_overrides_raise_the_score_and_never_lower_it() -> None:
    points = (
        PointResult("p1", True, False, 0.4),
        PointResult("p2", False, True, 0.8),
        PointResult("p3", False, False, 0.2),
    )
    grade = Grade(1.9, points, (), "")
    fixed = apply_overrides(grade, [0])
    assert [p.covered for p in fixed.points] == [True, True, False]
    assert fixed.score == 3.75  # (2 + 1) / 4 of 5, no essential left missed
    assert apply_overrides(grade, []).score == 1.9
    assert apply_overrides(grade, [1]) is grade  # already covered: nothing to change
    generous = Grade(4.5, points, (), "")
    assert apply_overrides(generous, [2]).score == 4.5
    assert grade_from_dict(fixed.to_dict()) == fixed


# --- through the service ----------------------------------------------------------------
def test_a_drill_rates_cards_and_brings_them_back_when_due(
    practice: PracticeService, clock: ManualClock
) -> None:
    session = practice.start_drill(DrillFilter(), limit=10)
    assert practice.queue_size(session) == (0, 3)
    pick = practice.next_card(session)
    assert pick is not None and pick.question_id == "a1" and pick.is_new
    started = clock()
    clock.advance(seconds=40)
    graded = practice.grade_answer("a1", "a1-k1 and a1-k2 both", started_at=started)
    assert graded.grade is not None and graded.grade.score == 5.0
    assert graded.suggested is Rating.EASY and graded.attempt_id is not None
    result = practice.rate(session, pick, Rating.GOOD, graded=graded, started_at=started)
    assert result.seconds == 40.0 and result.next_due == clock() + timedelta(minutes=10)
    [review] = practice.svc.store.reviews.list(practice.user_id)
    assert (review.rating, review.suggested_rating, review.duration_ms) == (3, 4, 40_000)
    # the learning step brings it back ten minutes later, before new cards
    clock.advance(minutes=11)
    pick = practice.next_card(session)
    assert pick is not None and (pick.question_id, pick.is_new) == ("a1", False)


def test_an_empty_answer_reveals_and_suggests_again_without_storing_an_attempt(
    practice: PracticeService, clock: ManualClock
) -> None:
    session = practice.start_drill(DrillFilter(), limit=10)
    pick = practice.next_card(session)
    assert pick is not None
    graded = practice.grade_answer(pick.question_id, "  \n", started_at=clock())
    assert (graded.grade, graded.attempt_id, graded.suggested) == (None, None, Rating.AGAIN)
    practice.rate(session, pick, graded.suggested, graded=graded, started_at=clock())
    assert practice.repo.attempts(practice.user_id) == []
    assert session.summary(now=clock())["revealed"] == 1


def test_new_cards_come_at_the_daily_pace(practice: PracticeService, clock: ManualClock) -> None:
    session = practice.start_drill(DrillFilter(), limit=10)
    seen = []
    while (pick := practice.next_card(session)) is not None:
        graded = practice.grade_answer(pick.question_id, "nothing useful", started_at=clock())
        practice.rate(session, pick, Rating.EASY, graded=graded, started_at=clock())
        seen.append(pick.question_id)
    assert seen == ["a1", "b1", "c1"]  # three new a day, one per topic first
    assert practice.start_drill(DrillFilter(), limit=10).new_allowed == 0
    clock.advance(days=1)
    tomorrow = practice.start_drill(DrillFilter(), limit=10)
    assert tomorrow.new_allowed == 3
    pick = practice.next_card(tomorrow)
    assert pick is not None and pick.is_new and pick.question_id not in seen


def test_the_user_overrides_a_missed_point_before_rating(
    practice: PracticeService, clock: ManualClock
) -> None:
    graded = practice.grade_answer("a1", "only a1-k2 here", started_at=clock())
    assert graded.grade is not None and graded.grade.score == 1.67
    assert graded.suggested is Rating.HARD
    fixed = practice.override(graded, [0])
    assert fixed.grade is not None and fixed.grade.score == 5.0
    assert fixed.suggested is Rating.EASY
    assert graded.attempt_id is not None
    stored = practice.svc.store.attempts.get(practice.user_id, graded.attempt_id)
    assert stored.overrides == {"covered": [0], "texts": ["a1-k1 first idea"], "score": 5.0}
    assert stored.grade["score"] == 1.67  # the grader's verdict is kept as it was
    from mlcoach.errors import MlcoachError

    with pytest.raises(MlcoachError, match="no key point number 9"):
        practice.override(graded, [8])


def test_an_unknown_topic_is_one_clear_error(practice: PracticeService) -> None:
    from mlcoach.errors import NotFound

    with pytest.raises(NotFound, match="no questions on topic 'nope'"):
        practice.start_drill(DrillFilter(topic="nope"), limit=5)


def test_the_interview_plan_can_raise_the_daily_pace(
    settings: Settings, tmp_path: Path, clock: ManualClock
) -> None:
    update = {
        "new_cards_per_day": 1,
        "interview_date": (T0 + timedelta(days=2)).date(),
        "target_role": Role.MLE,
    }
    svc = fake_services(settings.model_copy(update=update), make_bank(tmp_path))
    practice = PracticeService(svc, clock=clock, fuzzing=False)
    assert practice.daily_new_cards() == 2  # three role topics to see in two days
    svc.close()
