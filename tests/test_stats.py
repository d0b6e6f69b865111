"""Statistics on a constructed history, and the daily plan towards the interview date."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlcoach.config import Settings
from mlcoach.domain import Attempt, CardState, Role
from mlcoach.errors import MlcoachError
from mlcoach.practice.planning import PlanContext, build_study_plan
from mlcoach.practice.scheduling import CardScheduler, Rating
from mlcoach.practice.stats import (
    History,
    build_stats,
    due_forecast,
    readiness,
    retention,
    reviews_per_day,
    streak,
    topic_mastery,
)
from tests.test_drill import fake_services, make_bank

NOW = datetime(2024, 3, 10, 12, 0, tzinfo=UTC)
SCHEDULER = CardScheduler(enable_fuzzing=False)


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2024, 3, day, hour, 0, tzinfo=UTC)


def reviewed(qid: str, *ratings_at: tuple[Rating, datetime]) -> tuple[CardState, list]:  # type: ignore[type-arg]
    card = SCHEDULER.new(1, qid, now=ratings_at[0][1])
    logs = []
    for rating, moment in ratings_at:
        card, review = SCHEDULER.review(card, rating, now=moment)
        logs.append(review)
    return card, logs


def history() -> History:
    """q-a1: Good 5th, Again 8th, Good 9th; b1: Good 8th, Good 10th; a2: Easy 10th."""
    a1, log_a1 = reviewed("a1", (Rating.GOOD, at(5)), (Rating.AGAIN, at(8)), (Rating.GOOD, at(9)))
    b1, log_b1 = reviewed("b1", (Rating.GOOD, at(8)), (Rating.GOOD, at(10)))
    a2, log_a2 = reviewed("a2", (Rating.EASY, at(10)))
    made_due = CardState(1, "c2", at(10, 15), SCHEDULER.new(1, "c2", now=at(10, 15)).fsrs)
    later = CardState(1, "b2", NOW + timedelta(days=20), SCHEDULER.new(1, "b2", now=NOW).fsrs)

    def attempt(qid: str, score: float, day: int, **extra: object) -> Attempt:
        return Attempt(1, qid, "answer", {"score": score, "points": []}, at(day), at(day), **extra)  # type: ignore[arg-type]

    attempts = [
        attempt("a1", 1.0, 5, source="drill"),
        attempt("a1", 2.0, 8, source="drill"),
        attempt("a1", 3.0, 9, source="mock"),
        attempt("a1", 4.0, 9, source="drill", overrides={"covered": [0], "score": 5.0}),
        attempt("a1", 0.0, 9, source="probe"),  # a probe on one point says little of a1
        attempt("c2", 2.5, 9, source="mock"),
    ]
    reviews = sorted(log_a1 + log_b1 + log_a2, key=lambda r: r.reviewed_at)
    return History([a1, b1, a2, made_due, later], reviews, attempts)


def test_reviews_per_day_retention_and_streak() -> None:
    h = history()
    days = reviews_per_day(h.reviews, now=NOW, tz=UTC)
    assert len(days) == 30 and days[-1]["date"] == "2024-03-10"
    busy = {d["date"]: (d["reviews"], d["again"]) for d in days if d["reviews"]}
    assert busy == {
        "2024-03-05": (1, 0),
        "2024-03-08": (2, 1),
        "2024-03-09": (1, 0),
        "2024-03-10": (2, 0),
    }
    assert retention(h.reviews) == round(5 / 6, 4) and retention([]) is None
    assert streak(h.reviews, now=NOW, tz=UTC) == 3
    assert streak(h.reviews, now=NOW + timedelta(days=1), tz=UTC) == 3  # today not yet
    assert streak(h.reviews, now=NOW + timedelta(days=2), tz=UTC) == 0


def test_the_due_forecast_counts_overdue_cards_today() -> None:
    h = history()
    forecast = due_forecast(h.cards, now=NOW, tz=UTC)
    assert len(forecast) == 14 and forecast[0]["date"] == "2024-03-10"
    expected = [0] * 14
    for card in h.cards:
        offset = max(0, (card.due.date() - NOW.date()).days)
        if offset < 14:
            expected[offset] += 1
    assert [d["due"] for d in forecast] == expected
    assert forecast[0]["due"] >= 1  # c2, made due this afternoon
    assert sum(expected) == 4  # b2, due in 20 days, is outside the window


def test_mastery_mixes_retrievability_and_recent_grades(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    h = history()
    mastery = topic_mastery(h, bank.questions, scheduler=SCHEDULER, now=NOW)
    week = NOW + timedelta(days=7)  # recall a week from now, not just after a review
    r = {c.question_id: SCHEDULER.retrievability(c, now=week) for c in h.cards}
    assert 0 < r["a1"] < r["a2"] < 1  # a1 was relearned; a2 was Easy
    a1 = (r["a1"] + (5.0 + 3.0 + 2.0) / 3 / 5) / 2  # the last three graded attempts
    a2 = r["a2"]
    c2 = 2.5 / 5  # never reviewed: its grade alone
    assert mastery["t-a"] == {"mastery": round((a1 + a2) / 2, 4), "practised": 2, "questions": 3}
    assert mastery["t-b"] == {"mastery": round(r["b1"], 4), "practised": 1, "questions": 2}
    assert mastery["t-c"] == {"mastery": round(c2, 4), "practised": 1, "questions": 2}
    ready = readiness(bank.roles[Role.MLE], mastery)
    assert ready["not_measured"] == ["coding"]
    expected = {t: round(mastery[t]["mastery"] * mastery[t]["practised"] / 5, 4) for t in mastery}
    assert ready["by_topic"] == expected
    weights = {"t-a": 0.5, "t-b": 0.3, "t-c": 0.1}
    total = sum(weights[t] * expected[t] for t in weights) / 0.9
    assert ready["score"] == round(total, 4)


def test_the_stats_document_is_json(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    doc = build_stats(history(), bank.questions, bank.roles, scheduler=SCHEDULER, now=NOW, tz=UTC)
    assert json.loads(json.dumps(doc)) == doc
    assert (doc["cards"], doc["reviews"], doc["streak"]) == (5, 6, 3)
    assert doc["retention_30d"] == doc["retention"]
    assert set(doc["readiness"]) == {"mle"}


# --- the daily plan -----------------------------------------------------------------------
def context(*, today: date, seen: frozenset[str] = frozenset(), **extra: object) -> PlanContext:
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=8)
    return PlanContext(today=today, now=now, tz=UTC, seen=seen, cards=(), **extra)  # type: ignore[arg-type]


def test_the_plan_sees_every_topic_in_time_with_mocks_a_few_days_apart(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    today = date(2024, 3, 10)
    plan = build_study_plan(
        bank.roles[Role.MLE],
        bank.questions,
        interview=today + timedelta(days=10),
        new_per_day=1,
        context=context(today=today, last_mock=today - timedelta(days=1)),
        scheduler=SCHEDULER,
    )
    assert plan.days_left == 10 and len(plan.days) == 10 and plan.new_per_day == 1
    assert plan.topics_first_seen == {
        "t-a": "2024-03-10",
        "t-b": "2024-03-11",
        "t-c": "2024-03-12",
    }  # heaviest first; c1 is not an MLE question, c2 is
    assert [d.new for d in plan.days] == [1] * 6 + [0] * 4  # six MLE questions; eve: none
    mocks = [d.day.isoformat() for d in plan.days if d.mock]
    assert mocks == ["2024-03-13", "2024-03-16", "2024-03-19"]  # not the day after a mock
    assert plan.days[0].reviews >= 1  # the new card's ten-minute learning step
    assert plan.warnings == ()
    doc = plan.to_dict()
    assert json.loads(json.dumps(doc)) == doc and doc["days"][0]["topics"] == {"t-a": 1}


def test_a_close_interview_raises_the_pace_and_says_so(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    today = date(2024, 3, 10)
    plan = build_study_plan(
        bank.roles[Role.MLE],
        bank.questions,
        interview=today + timedelta(days=2),
        new_per_day=1,
        context=context(today=today, seen=frozenset({"a1"})),
        scheduler=SCHEDULER,
    )
    assert plan.new_per_day == 1  # t-b and t-c left to see, two days
    tighter = build_study_plan(
        bank.roles[Role.MLE],
        bank.questions,
        interview=today + timedelta(days=1),
        new_per_day=1,
        context=context(today=today, seen=frozenset({"a1"})),
        scheduler=SCHEDULER,
    )
    assert tighter.new_per_day == 2 and "introduces 2 new questions a day" in tighter.warnings[0]
    assert all(v is not None for v in tighter.topics_first_seen.values())
    assert tighter.days[0].mock  # the eve of the interview


def test_existing_cards_show_up_as_reviews_on_their_due_day(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    today = date(2024, 3, 10)
    card, _ = reviewed("a1", (Rating.EASY, datetime(2024, 3, 9, 9, tzinfo=UTC)))
    seen = frozenset(q for q in bank.questions)  # nothing new to introduce
    plan = build_study_plan(
        bank.roles[Role.MLE],
        bank.questions,
        interview=today + timedelta(days=120),
        new_per_day=5,
        context=PlanContext(today, datetime(2024, 3, 10, 8, tzinfo=UTC), UTC, seen, [card]),
        scheduler=SCHEDULER,
    )
    due_day = (card.due.date() - today).days
    assert plan.days[due_day].reviews == 1 and sum(d.new for d in plan.days) == 0
    assert sum(d.reviews for d in plan.days) >= 2  # and again after that, rated Good


@pytest.mark.parametrize("days", [0, -3, 400])
def test_an_interview_date_that_cannot_be_planned_is_an_error(tmp_path: Path, days: int) -> None:
    bank = make_bank(tmp_path)
    today = date(2024, 3, 10)
    with pytest.raises(MlcoachError, match="interview date"):
        build_study_plan(
            bank.roles[Role.MLE],
            bank.questions,
            interview=today + timedelta(days=days),
            new_per_day=5,
            context=context(today=today),
            scheduler=SCHEDULER,
        )


# --- the commands -------------------------------------------------------------------------
def _patched_cli(monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path) -> None:
    import mlcoach.cli_practice as cli_practice

    monkeypatch.setattr(
        cli_practice, "services", lambda: fake_services(settings, make_bank(tmp_path))
    )


def test_stats_and_plan_commands_print_one_json_document(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path
) -> None:
    from mlcoach.cli import app

    interview = datetime.now().astimezone().date() + timedelta(days=5)  # the user's today
    planned = settings.model_copy(update={"interview_date": interview, "target_role": Role.MLE})
    _patched_cli(monkeypatch, planned, tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["reviews"], doc["retention"], doc["streak"]) == (0, None, 0)
    assert doc["readiness"]["mle"]["score"] == 0.0
    result = runner.invoke(app, ["plan", "--json"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["role"] == "mle" and plan["days_left"] == 5 and len(plan["days"]) == 5
    result = runner.invoke(app, ["plan"])
    assert result.exit_code == 0 and "Plan for mle" in result.stdout


def test_the_plan_command_without_an_interview_date_is_one_red_line(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path
) -> None:
    from mlcoach.cli import app

    _patched_cli(monkeypatch, settings.model_copy(update={"target_role": Role.MLE}), tmp_path)
    result = CliRunner().invoke(app, ["plan", "--json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "MLCOACH_INTERVIEW_DATE" in result.stderr and "Traceback" not in result.stderr
