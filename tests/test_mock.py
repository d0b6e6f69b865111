"""Mock interviews: the plan, the pure state machine with a fake clock, the report, and the
closed loop (a missed essential point makes the question's card due now)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mlcoach.config import Settings
from mlcoach.domain import Evidence, Grade, Level, PointResult, RedFlagHit, Role
from mlcoach.practice.clock import ManualClock
from mlcoach.practice.followup import TurnKind, choose_follow_up, probe_prompt
from mlcoach.practice.mock import EndReason, MockInterview, Phase
from mlcoach.practice.mock_plan import (
    FollowUpOption,
    MockPlan,
    PlanInputs,
    PlannedQuestion,
    PlannedRound,
    build_plan,
    cost,
)
from mlcoach.practice.report import build_report
from mlcoach.practice.scheduling import Rating
from mlcoach.practice.service import PracticeService
from tests.test_drill import fake_services, make_bank

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
NOBODY = PlanInputs({}, {}, T0)


# --- the plan -----------------------------------------------------------------------------
def test_the_plan_shares_the_time_between_rounds_and_skips_coding(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    guide = bank.roles[Role.MLE]
    plan = build_plan(
        guide, level=Level.MID, minutes=30, questions=bank.questions, inputs=NOBODY, seed=1
    )
    rounds = {r.name: r for r in plan.rounds}
    assert rounds["Coding"].questions == 0 and "coding" in (rounds["Coding"].note or "")
    assert rounds["Screen"].questions >= 1 and rounds["Depth"].questions >= 1
    assert rounds["Depth"].questions >= rounds["Screen"].questions  # twice as long a round
    asked = [bank.questions[p.question_id] for p in plan.questions]
    assert sum(cost(x) for x in asked) <= 30 * 60
    assert len({x.id for x in asked}) == len(asked)
    assert all(x.level is not Level.SENIOR for x in asked)  # a mid interview
    assert [p.round for p in plan.questions] == sorted(
        (p.round for p in plan.questions), key=["Screen", "Depth"].index
    )
    assert MockPlan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan
    same = build_plan(
        guide, level=Level.MID, minutes=30, questions=bank.questions, inputs=NOBODY, seed=1
    )
    assert same == plan


def test_a_short_mock_says_which_round_did_not_fit(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    plan = build_plan(
        bank.roles[Role.MLE],
        level=Level.MID,
        minutes=10,
        questions=bank.questions,
        inputs=NOBODY,
        seed=3,
    )
    assert len(plan.questions) == 1
    skipped = [r for r in plan.rounds if r.questions == 0 and r.name != "Coding"]
    assert len(skipped) == 1 and "not enough time" in (skipped[0].note or "")


def test_questions_on_weak_topics_are_favoured(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)

    def depth_topics(mastery: dict[str, float]) -> Counter[str]:
        found: Counter[str] = Counter()
        for seed in range(60):
            plan = build_plan(
                bank.roles[Role.MLE],
                level=Level.MID,
                minutes=14,
                questions=bank.questions,
                inputs=PlanInputs(mastery, {}, T0),
                seed=seed,
            )
            found.update(p.topic for p in plan.questions if p.round == "Depth")
        return found

    weak_b = depth_topics({"t-a": 1.0, "t-b": 0.0})
    weak_a = depth_topics({"t-a": 0.0, "t-b": 1.0})
    assert weak_b["t-b"] > weak_a["t-b"] + 15
    assert weak_a["t-a"] > weak_b["t-a"] + 15


def test_recently_seen_questions_are_avoided(tmp_path: Path) -> None:
    bank = make_bank(tmp_path)
    recent = {"a1": T0 - timedelta(days=1), "b1": T0 - timedelta(days=2)}
    for seed in range(20):
        plan = build_plan(
            bank.roles[Role.MLE],
            level=Level.MID,
            minutes=20,
            questions=bank.questions,
            inputs=PlanInputs({}, recent, T0),
            seed=seed,
        )
        assert not {"a1", "b1"} & {p.question_id for p in plan.questions}


# --- the state machine ----------------------------------------------------------------------
def pq(
    qid: str, *, follow_ups: tuple[FollowUpOption, ...] = (), limit: int = 240
) -> PlannedQuestion:
    return PlannedQuestion(
        qid,
        f"Explain {qid}.",
        "Depth",
        f"t-{qid[0]}",
        "concept",
        limit,
        (
            (f"{qid} essential idea about overfitting", True),
            (f"{qid} regularisation strength", False),
        ),
        follow_ups,
    )


RELATED = FollowUpOption(
    "f1",
    "How do you pick the regularisation strength?",
    "t-f",
    180,
    "regularisation strength validation curve",
)
UNRELATED = FollowUpOption("f2", "What is a GPU?", "t-f", 180, "graphics processor hardware")


def plan(*questions: PlannedQuestion, minutes: int = 20) -> MockPlan:
    return MockPlan(
        "mle",
        "mid",
        minutes,
        0,
        (PlannedRound("Depth", 20, len(questions)),),
        questions,
        {"t-a": 0.6, "t-b": 0.4},
    )


def graded(*covered: bool, score: float = 3.0, flags: tuple[RedFlagHit, ...] = ()) -> Grade:
    texts = [("essential idea", True), ("regularisation strength", False)]
    points = tuple(
        PointResult(text, essential, ok, 0.9 if ok else 0.1)
        for (text, essential), ok in zip(texts, covered, strict=True)
    )
    return Grade(score, points, flags, "")


def roundtrip(interview: MockInterview) -> MockInterview:
    back = MockInterview.from_dict(json.loads(json.dumps(interview.to_dict())))
    assert back == interview
    return back


def test_an_interview_asks_in_order_with_countdowns() -> None:
    clock = ManualClock(T0)
    interview = roundtrip(MockInterview(plan(pq("a1"), pq("b1"))).start(clock()))
    turn = interview.current
    assert turn is not None and (turn.kind, turn.question_id, turn.limit_s) == (
        TurnKind.MAIN,
        "a1",
        240,
    )
    clock.advance(seconds=100)
    countdown = interview.countdown(clock())
    assert countdown is not None
    assert (countdown.question_left_s, countdown.total_left_s, countdown.number, countdown.of) == (
        140,
        1100,
        1,
        2,
    )
    interview = roundtrip(interview.answer("all of it", graded(True, True), now=clock()))
    assert interview.current is not None and interview.current.question_id == "b1"
    clock.advance(seconds=300)  # over this question's 240 s: allowed, and shown as over
    countdown = interview.countdown(clock())
    assert countdown is not None and countdown.question_left_s == -60
    interview = roundtrip(interview.answer("all", graded(True, True), now=clock()))
    assert interview.phase is Phase.DONE and interview.end_reason is EndReason.COMPLETED
    assert interview.elapsed(clock()) == 400 and [t.seconds for t in interview.turns] == [100, 300]
    with pytest.raises(ValueError, match="no question is waiting"):
        interview.answer("late", graded(True, True), now=clock())
    with pytest.raises(ValueError, match="already started"):
        interview.start(clock())


def test_the_follow_up_comes_from_what_the_answer_missed() -> None:
    clock = ManualClock(T0)
    question = pq("a1", follow_ups=(UNRELATED, RELATED))
    interview = MockInterview(plan(question, pq("b1"))).start(clock())
    interview = roundtrip(interview.answer("x", graded(True, False), now=clock()))
    turn = interview.current
    assert turn is not None and (turn.kind, turn.question_id) == (TurnKind.FOLLOW_UP, "f1")
    assert turn.limit_s == 180 and turn.slot == 0
    interview = interview.answer("y", graded(True, True), now=clock())  # no follow-up of it
    assert interview.current is not None and interview.current.question_id == "b1"


def test_a_missed_essential_point_without_a_related_follow_up_gets_a_probe() -> None:
    clock = ManualClock(T0)
    interview = MockInterview(plan(pq("a1", follow_ups=(UNRELATED,)))).start(clock())
    interview = roundtrip(interview.answer("x", graded(False, True), now=clock()))
    turn = interview.current
    assert turn is not None and turn.kind is TurnKind.PROBE
    assert (turn.question_id, turn.point, turn.limit_s) == ("a1", "essential idea", 120)
    assert turn.prompt == probe_prompt("essential idea")


def test_nothing_missed_means_no_follow_up() -> None:
    follow = choose_follow_up(
        pq("a1", follow_ups=(RELATED,)), graded(True, True), asked=(), remaining_s=900
    )
    assert follow is None
    only_minor = choose_follow_up(
        pq("a1", follow_ups=(UNRELATED,)), graded(True, False), asked=(), remaining_s=900
    )
    assert only_minor is None  # a missed minor point with no related follow-up: move on
    already = choose_follow_up(
        pq("a1", follow_ups=(RELATED,)), graded(True, False), asked={"f1"}, remaining_s=900
    )
    assert already is None
    no_time = choose_follow_up(
        pq("a1", follow_ups=(RELATED,)), graded(False, False), asked=(), remaining_s=30
    )
    assert no_time is None


def test_a_probe_names_the_start_of_the_point_not_the_point() -> None:
    point = "The amount of data needed grows exponentially with the number of dimensions."
    prompt = probe_prompt(point)
    assert "“The amount of data …”" in prompt and "exponentially" not in prompt


def test_the_interview_ends_when_its_time_is_up() -> None:
    clock = ManualClock(T0)
    interview = MockInterview(plan(pq("a1"), pq("b1"), minutes=10)).start(clock())
    clock.advance(minutes=11)
    interview = interview.answer("x", graded(False, False), now=clock())
    assert interview.phase is Phase.DONE and interview.end_reason is EndReason.TIME
    clock2 = ManualClock(T0)
    nearly = MockInterview(plan(pq("a1"), pq("b1"), minutes=10)).start(clock2())
    clock2.advance(seconds=9 * 60 + 30)  # 30 s left: too little to start another question
    nearly = nearly.answer("x", graded(True, True), now=clock2())
    assert nearly.end_reason is EndReason.TIME and len(nearly.turns) == 1
    report = build_report(nearly)
    assert report["not_asked"] == [{"question_id": "b1", "title": "Explain b1.", "round": "Depth"}]


def test_stopping_drops_the_waiting_question_and_resuming_does_not_count_the_break() -> None:
    clock = ManualClock(T0)
    interview = MockInterview(plan(pq("a1"), pq("b1"))).start(clock())
    clock.advance(seconds=60)
    interview = interview.answer("x", graded(True, True), now=clock())
    clock.advance(seconds=30)  # typing the second answer when the laptop dies
    stored = interview.to_dict()
    clock.advance(hours=2)
    resumed = MockInterview.from_dict(stored).resume(clock())
    assert resumed.elapsed(clock()) == 60  # the 30 s lost and the 2 h away are not counted
    assert resumed.current is not None and resumed.current.asked_at == clock()
    clock.advance(seconds=10)
    stopped = resumed.stop(clock())
    assert stopped.phase is Phase.DONE and stopped.end_reason is EndReason.STOPPED
    assert [t.question_id for t in stopped.turns] == ["a1"] and stopped.elapsed(clock()) == 70
    assert stopped.stop(clock()) is stopped


# --- the report ---------------------------------------------------------------------------
def test_the_report_scores_points_topics_time_and_what_to_study_next() -> None:
    clock = ManualClock(T0)
    flag = RedFlagHit("Says regularisation always helps.", Evidence("always helps", 0, 12))
    interview = MockInterview(plan(pq("a1", follow_ups=(UNRELATED,)), pq("b1"))).start(clock())
    clock.advance(seconds=200)
    interview = interview.answer("a", graded(False, True, score=1.5), now=clock())  # a probe
    clock.advance(seconds=150)  # over the probe's 120 s
    probe_grade = Grade(5.0, (PointResult("essential idea", True, True, 0.9),), (), "")
    interview = interview.answer("p", probe_grade, now=clock())
    clock.advance(seconds=100)
    interview = interview.answer("b", graded(False, False, score=0.5, flags=(flag,)), now=clock())
    assert interview.current is not None and interview.current.kind is TurnKind.PROBE
    clock.advance(seconds=20)
    interview = interview.stop(clock())  # the candidate ends it instead of the second probe
    report = build_report(interview)
    assert json.loads(json.dumps(report)) == report
    items = report["questions"]
    assert [(i["number"], i["kind"], i["score"]) for i in items] == [
        (1, "main", 1.5),
        (1, "probe", 5.0),
        (2, "main", 0.5),
    ]
    first, probe, second = items
    assert first["covered"] == ["regularisation strength"]
    assert first["missed"] == [{"text": "essential idea", "essential": True, "recovered": True}]
    assert probe["over_time"] and probe["seconds"] == 150 and probe["limit_s"] == 120
    assert not first["over_time"] and first["seconds"] == 200
    assert second["red_flags"] == ["Says regularisation always helps."]
    assert second["missed"][0] == {"text": "essential idea", "essential": True, "recovered": False}
    assert report["score"] == 1.0  # the main questions' mean
    assert report["topics"] == {
        "t-a": {"score": 1.5, "questions": 1},
        "t-b": {"score": 0.5, "questions": 1},
    }
    assert report["time"] == {"used_s": 470.0, "limit_s": 1200, "end_reason": "stopped"}
    assert report["due_now"] == ["a1", "b1"]
    assert [m["question_id"] for m in report["missed_by_question"]] == ["a1", "b1"]
    assert report["missed_by_question"][0]["recovered"] == ["essential idea"]
    study = report["study_next"]
    assert len(study) == 3
    assert study[0] == {
        "question_id": "b1",
        "topic": "t-b",
        "what": "essential idea",
        "why": "essential point missed",
    }  # never recovered, on the weaker topic
    assert study[1]["question_id"] == "a1"  # recovered in the probe, still worth studying
    assert study[2] == {
        "question_id": "b1",
        "topic": "t-b",
        "what": "Says regularisation always helps.",
        "why": "misconception stated",
    }


# --- through the service: storage and the closed loop ---------------------------------------
@pytest.fixture
def practice(settings: Settings, tmp_path: Path) -> Iterator[tuple[PracticeService, ManualClock]]:
    clock = ManualClock(T0)
    svc = fake_services(settings, make_bank(tmp_path))
    yield PracticeService(svc, clock=clock, fuzzing=False), clock
    svc.close()


def test_a_missed_essential_point_in_a_mock_makes_its_card_due_now(
    practice: tuple[PracticeService, ManualClock],
) -> None:
    service, clock = practice
    store = service.svc.store
    interview = service.plan_mock(role=Role.MLE, level=Level.MID, minutes=30, seed=2)
    first = interview.plan.questions[0].question_id
    # the user already knows `first` well: reviewed, due in weeks
    card = service.scheduler.new(service.user_id, first, now=T0 - timedelta(days=1))
    card, review = service.scheduler.review(card, Rating.EASY, now=T0 - timedelta(days=1))
    service.repo.record_review(card, review)
    assert card.due > T0 + timedelta(days=3)
    session_id, interview = service.start_mock(interview)
    clock.advance(minutes=2)
    interview = service.answer_mock(session_id, interview, f"I know {first}-k2 only")
    assert store.cards.get(service.user_id, first).due == clock()  # the closed loop
    assert store.cards.get(service.user_id, first).fsrs["stability"] == card.fsrs["stability"]
    assert store.mocks.get(service.user_id, session_id).state == interview.to_dict()
    turn = interview.current
    assert turn is not None and turn.kind is TurnKind.PROBE  # no related bank follow-up
    clock.advance(minutes=1)
    interview = service.answer_mock(session_id, interview, f"{first}-k1 it is")
    [probe] = [a for a in service.repo.attempts(service.user_id) if a.source == "probe"]
    assert [p["text"] for p in probe.grade["points"]] == [turn.point]  # graded on that alone
    assert probe.grade["score"] == 5.0
    while (turn := interview.current) is not None:
        clock.advance(minutes=1)
        words = " ".join(f"{turn.question_id}-k{n}" for n in (1, 2))
        interview = service.answer_mock(session_id, interview, words)
    stored = store.mocks.get(service.user_id, session_id)
    assert stored.finished_at == clock() and stored.report is not None
    assert stored.report["due_now"] == [first]
    assert [a.source for a in service.repo.attempts(service.user_id)].count("mock") >= 2
    due = {c.question_id for c in store.cards.due(service.user_id, clock())}
    assert due == {first}


def test_an_unfinished_mock_is_resumed_from_the_database(
    practice: tuple[PracticeService, ManualClock],
) -> None:
    service, clock = practice
    interview = service.plan_mock(role=Role.MLE, level=Level.MID, minutes=30, seed=2)
    session_id, interview = service.start_mock(interview)
    clock.advance(minutes=3)
    interview = service.answer_mock(session_id, interview, "nothing")
    clock.advance(hours=1)
    found = service.unfinished_mock()
    assert found is not None and found[0] == session_id and found[1] == interview
    resumed = service.resume_mock(session_id, found[1])
    assert resumed.elapsed(clock()) == 180
    stopped = service.stop_mock(session_id, resumed)
    assert service.unfinished_mock() is None
    assert service.mock_report(session_id)["time"]["end_reason"] == "stopped"
    assert stopped.phase is Phase.DONE


def test_an_unknown_role_guide_is_a_clear_error(
    practice: tuple[PracticeService, ManualClock],
) -> None:
    from mlcoach.errors import NotFound

    service, _ = practice
    with pytest.raises(NotFound, match="no role guide for 'ds'"):
        service.plan_mock(role=Role.DS, level=Level.MID, minutes=30)


# --- coding rounds ------------------------------------------------------------------------
def test_coding_rounds_use_problems_when_a_runner_is_offered(tmp_path: Path) -> None:
    from mlcoach.coding.problems import load_problems

    bank = make_bank(tmp_path)
    problems = {k: v for k, v in load_problems(None).items() if k == "adam-step"}
    common = {"level": Level.MID, "questions": bank.questions, "inputs": NOBODY, "seed": 1}
    guide = bank.roles[Role.MLE]
    without = build_plan(guide, minutes=90, no_coding="no sandbox here", **common)  # type: ignore[arg-type]
    coding_round = next(r for r in without.rounds if r.name == "Coding")
    assert (
        coding_round.questions == 0 and coding_round.note == "coding round skipped: no sandbox here"
    )
    offered = build_plan(guide, minutes=90, coding=problems, **common)  # type: ignore[arg-type]
    [planned] = [q for q in offered.questions if q.round == "Coding"]
    assert (planned.question_id, planned.kind, planned.points, planned.follow_ups) == (
        "adam-step",
        "coding",
        (),
        (),
    )
    assert planned.limit_s == 15 * 60 + 60


def test_a_coding_answer_is_run_in_the_sandbox_and_a_failure_makes_it_due(
    practice: tuple[PracticeService, ManualClock],
) -> None:
    from mlcoach.coding import detect
    from mlcoach.coding.problems import load_problems
    from mlcoach.errors import SandboxError

    try:
        detect()
    except SandboxError as exc:
        pytest.skip(f"no sandbox on this system: {exc}")
    service, clock = practice
    problem = load_problems(None)["adam-step"]
    service.svc.bank.coding["adam-step"] = problem
    interview = service.plan_mock(role=Role.MLE, level=Level.MID, minutes=200, seed=5, coding=True)
    slot = next(q for q in interview.plan.questions if q.kind == "coding")
    only = MockInterview(plan(slot, pq("b1"), minutes=40))
    session_id, interview = service.start_mock(only)
    clock.advance(minutes=10)
    interview = service.answer_mock(session_id, interview, problem.starter)  # not done
    [first] = interview.answered
    assert first.grade is not None and first.grade["score"] < 5.0
    assert any(not p["covered"] and p["essential"] for p in first.grade["points"])
    assert interview.current is not None and interview.current.question_id == "b1"  # no probe
    assert service.svc.store.cards.get(service.user_id, "adam-step").due == clock()
    session_id, interview = service.start_mock(MockInterview(plan(slot, minutes=40)))
    interview = service.answer_mock(session_id, interview, problem.solution)
    assert interview.answered[0].grade is not None
    assert interview.answered[0].grade["score"] == 5.0
    assert interview.phase is Phase.DONE
