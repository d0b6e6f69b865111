"""Practice use-cases: drills, mock interviews, statistics and the daily plan.

Joins the pure core (scheduling, drill, mock, report, stats, planning) with the bank, the
grader and the store. The terminal and the web call these; every acknowledged answer,
grade and review is committed before the call returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

from mlcoach.domain import Attempt, CardState, Grade, Level, MockSession, Question, Role
from mlcoach.errors import MlcoachError, NotFound
from mlcoach.practice.clock import Clock, system_clock
from mlcoach.practice.drill import (
    CardResult,
    DrillFilter,
    DrillSession,
    Pick,
    introduced_on,
    new_card_order,
    practisable,
)
from mlcoach.practice.followup import TurnKind
from mlcoach.practice.grades import apply_overrides, coding_grade, missed, overrides_dict
from mlcoach.practice.mock import MockInterview, Phase, Turn
from mlcoach.practice.mock_plan import PlanInputs, build_plan
from mlcoach.practice.planning import PlanContext, StudyPlan, build_study_plan
from mlcoach.practice.report import build_report
from mlcoach.practice.scheduling import CardScheduler, Rating, suggest_rating
from mlcoach.practice.stats import History, build_stats, topic_mastery

if TYPE_CHECKING:
    from mlcoach.services import Services
    from mlcoach.store.practice import PracticeRepo

DUE_QUEUE = 500


@dataclass(frozen=True)
class Graded:
    """An answer once graded and stored."""

    attempt_id: int | None  # None when the answer was revealed without trying
    grade: Grade | None
    suggested: Rating


class PracticeService:
    """Practice for one user (the local one unless `user_id` is given)."""

    def __init__(
        self,
        services: Services,
        *,
        user_id: int | None = None,
        clock: Clock = system_clock,
        tz: tzinfo = UTC,
        fuzzing: bool = True,
    ) -> None:
        self.svc = services
        self.clock = clock
        self.tz = tz
        self._user_id = user_id
        self.scheduler = CardScheduler(
            desired_retention=services.settings.desired_retention, enable_fuzzing=fuzzing
        )

    @cached_property
    def user_id(self) -> int:
        return self._user_id if self._user_id is not None else self.svc.local_user().id

    @cached_property
    def repo(self) -> PracticeRepo:
        from mlcoach.store.practice import PracticeRepo

        return PracticeRepo(self.svc.store.engine)

    def now(self) -> datetime:
        return self.clock()

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Every question the user can practise: the bank's and their imported ones."""
        found = {q.id: q for q in self.svc.bank.questions.values() if practisable(q)}
        for q in self.svc.store.imported.list(self.user_id):
            if practisable(q):
                found.setdefault(q.id, q)
        return found

    def history(self) -> History:
        store = self.svc.store
        return History(
            store.cards.all(self.user_id),
            store.reviews.list(self.user_id),
            self.repo.attempts(self.user_id),
        )

    def check_topic(self, topic: str | None) -> None:
        if topic is not None and not any(topic in q.topics for q in self.questions.values()):
            known = ", ".join(sorted({q.topic for q in self.questions.values()}))
            raise NotFound(f"no questions on topic {topic!r}; topics: {known}")

    # --- drill ------------------------------------------------------------------------
    def daily_new_cards(self) -> int:
        """New cards per day: the setting, or the interview plan's faster pace."""
        settings = self.svc.settings
        if settings.interview_date and settings.target_role:
            try:
                return self.study_plan().new_per_day
            except MlcoachError:
                pass
        return settings.new_cards_per_day

    def start_drill(self, drill_filter: DrillFilter, *, limit: int) -> DrillSession:
        self.check_topic(drill_filter.topic)
        now = self.now()
        today = now.astimezone(self.tz).date()
        introduced = introduced_on(self.repo.first_reviews(self.user_id), today, self.tz)
        allowed = max(0, self.daily_new_cards() - introduced)
        return DrillSession(drill_filter, limit, allowed, now)

    def next_card(self, session: DrillSession) -> Pick | None:
        now = self.now()
        due = self.svc.store.cards.due(self.user_id, now, limit=DUE_QUEUE)
        seen = {c.question_id for c in self.svc.store.cards.all(self.user_id)}
        role = session.filter.role or self.svc.settings.target_role
        weights = self._weights(role)
        pool = [q for q in self.questions.values() if session.filter.accepts(q)]
        order = list(self.svc.bank.taxonomy.topics)
        new = new_card_order(pool, seen=seen, weights=weights, topic_order=order)
        return session.next(due=due, new=new, questions=self.questions)

    def queue_size(self, session: DrillSession) -> tuple[int, int]:
        """(due, new) cards this session can show now, before its limit."""
        now = self.now()
        accepted = [q.id for q in self.questions.values() if session.filter.accepts(q)]
        wanted = set(accepted)
        due = sum(
            c.question_id in wanted
            for c in self.svc.store.cards.due(self.user_id, now, limit=DUE_QUEUE)
        )
        seen = {c.question_id for c in self.svc.store.cards.all(self.user_id)}
        new = min(session.new_left, sum(qid not in seen for qid in accepted))
        return due, new

    def _weights(self, role: Role | None) -> dict[str, float] | None:
        guide = self.svc.bank.roles.get(role) if role else None
        return dict(guide.topic_weights) if guide else None

    def grade_answer(self, question_id: str, answer: str, *, started_at: datetime) -> Graded:
        """Grade and store an answer; an empty one means 'show me' and stores nothing."""
        if not answer.strip():
            return Graded(None, None, suggest_rating(None))
        grade = self.grade_question(question_id, answer)
        attempt = self.svc.store.attempts.add(
            Attempt(
                self.user_id,
                question_id,
                answer,
                grade.to_dict(),
                started_at,
                self.now(),
                source="drill",
            )
        )
        return Graded(attempt.id, grade, suggest_rating(grade))

    def override(self, graded: Graded, covered: list[int]) -> Graded:
        """The user says they did make these (missed) points: store it, rescore, resuggest."""
        if graded.grade is None or graded.attempt_id is None:
            raise MlcoachError("there is no graded answer to correct")
        bad = [i for i in covered if not 0 <= i < len(graded.grade.points)]
        if bad:
            raise MlcoachError(f"no key point number {bad[0] + 1}")
        adjusted = apply_overrides(graded.grade, covered)
        self.svc.store.attempts.set_overrides(
            self.user_id, graded.attempt_id, overrides_dict(covered, graded.grade)
        )
        return Graded(graded.attempt_id, adjusted, suggest_rating(adjusted))

    def rate(
        self,
        session: DrillSession,
        pick: Pick,
        rating: Rating,
        *,
        graded: Graded,
        started_at: datetime,
    ) -> CardResult:
        """Reschedule the card with the confirmed rating and log the review."""
        now = self.now()
        card = pick.card or self.scheduler.new(self.user_id, pick.question_id, now=now)
        seconds = max(0.0, (now - started_at).total_seconds())
        updated, review = self.scheduler.review(
            card, rating, now=now, duration_ms=int(seconds * 1000), suggested=graded.suggested
        )
        saved = self.repo.record_review(updated, review)
        result = CardResult(
            pick.question_id,
            self.questions[pick.question_id].topic if pick.question_id in self.questions else "",
            pick.is_new,
            graded.grade.score if graded.grade else None,
            graded.suggested,
            rating,
            round(seconds, 1),
            saved.due,
        )
        session.record(result)
        return result

    # --- mock interviews ---------------------------------------------------------------
    def plan_mock(
        self,
        *,
        role: Role,
        level: Level,
        minutes: int,
        seed: int | None = None,
        coding: bool = False,
    ) -> MockInterview:
        """A planned interview; with `coding`, coding rounds get problems run in the sandbox
        (when this system has one), else they are skipped and the plan says why."""
        guide = self.svc.bank.roles.get(role)
        if guide is None:
            raise NotFound(f"no role guide for {role.value!r}")
        now = self.now()
        history = self.history()
        mastery = topic_mastery(history, self.questions, scheduler=self.scheduler, now=now)
        last_seen: dict[str, datetime] = {}
        for attempt in history.attempts:
            last_seen[attempt.question_id] = attempt.submitted_at
        inputs = PlanInputs({t: m["mastery"] for t, m in mastery.items()}, last_seen, now)
        plan = build_plan(
            guide,
            level=level,
            minutes=minutes,
            questions=self.questions,
            inputs=inputs,
            seed=int(now.timestamp()) if seed is None else seed,
            **self._coding(coding),
        )
        if not plan.questions:
            raise MlcoachError(f"no question fits a {minutes}-minute {role.value} mock")
        return MockInterview(plan)

    def start_mock(self, interview: MockInterview) -> tuple[int, MockInterview]:
        now = self.now()
        started = interview.start(now)
        session = self.svc.store.mocks.create(
            MockSession(
                self.user_id,
                started.plan.role,
                started.plan.level,
                started.plan.minutes,
                started.to_dict(),
                now,
            )
        )
        assert session.id is not None
        return session.id, started

    def _coding(self, wanted: bool) -> dict[str, Any]:
        if not wanted:
            return {}
        from mlcoach.coding import detect
        from mlcoach.errors import SandboxError

        try:
            detect()
        except SandboxError as exc:
            return {"no_coding": f"{exc}"}
        return {"coding": self.svc.bank.coding}

    def grade_turn(self, turn: Turn, answer: str) -> Grade:
        """A probe is graded against its one key point, code by running its hidden tests in
        the sandbox, other answers against the question."""
        if turn.kind is TurnKind.MAIN and turn.question_id in self.svc.bank.coding:
            from mlcoach.coding import run_code

            return coding_grade(run_code(self.svc.bank.coding[turn.question_id], answer))
        if turn.kind is TurnKind.PROBE and turn.point:
            return self.svc.grade_reference(
                turn.point, answer, question=turn.prompt, key_points=[f"!{turn.point}"]
            )
        return self.grade_question(turn.question_id, answer)

    def grade_question(self, question_id: str, answer: str) -> Grade:
        """Grade against the question as this user sees it (the web overrides this)."""
        return self.svc.grade(question_id, answer)

    def answer_mock(self, session_id: int, interview: MockInterview, answer: str) -> MockInterview:
        """Grade the answer, store it with the interview's new state in one transaction,
        and make the question's card due now if an essential point was missed."""
        turn = interview.current
        if turn is None:
            raise MlcoachError("the interview is not waiting for an answer")
        grade = self.grade_turn(turn, answer)
        now = self.now()
        due = []
        if turn.kind is not TurnKind.PROBE and missed(grade, essential_only=True):
            due.append(self._due_now(turn.question_id, now))
        attempt = Attempt(
            self.user_id,
            turn.question_id,
            answer,
            grade.to_dict(),
            turn.asked_at,
            now,
            source="probe" if turn.kind is TurnKind.PROBE else "mock",
        )
        result: list[MockInterview] = []

        def state_for(attempt_id: int) -> tuple[dict[str, Any], dict[str, Any] | None]:
            result.append(interview.answer(answer, grade, now=now, attempt_id=attempt_id))
            done = result[0].phase is Phase.DONE
            return result[0].to_dict(), build_report(result[0]) if done else None

        self.repo.record_mock_answer(attempt, session_id, state_for, due=due, finished_at=now)
        return result[0]

    def _due_now(self, question_id: str, now: datetime) -> CardState:
        card = self.svc.store.cards.get(self.user_id, question_id)
        if card is None:
            return self.scheduler.new(self.user_id, question_id, now=now)
        return self.scheduler.due_now(card, now=now)

    def stop_mock(self, session_id: int, interview: MockInterview) -> MockInterview:
        now = self.now()
        stopped = interview.stop(now)
        self.svc.store.mocks.save_state(
            self.user_id,
            session_id,
            stopped.to_dict(),
            report=build_report(stopped),
            finished_at=now,
        )
        return stopped

    def unfinished_mock(self) -> tuple[int, MockInterview] | None:
        session = self.repo.unfinished_mock(self.user_id)
        if session is None or session.id is None:
            return None
        return session.id, MockInterview.from_dict(session.state)

    def resume_mock(self, session_id: int, interview: MockInterview) -> MockInterview:
        resumed = interview.resume(self.now())
        self.svc.store.mocks.save_state(self.user_id, session_id, resumed.to_dict())
        return resumed

    def mock_report(self, session_id: int) -> dict[str, Any]:
        session = self.svc.store.mocks.get(self.user_id, session_id)
        if session.report is not None:
            return session.report
        return build_report(MockInterview.from_dict(session.state))

    # --- statistics and plan ------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        return build_stats(
            self.history(),
            self.questions,
            self.svc.bank.roles,
            scheduler=self.scheduler,
            now=self.now(),
            tz=self.tz,
        )

    def study_plan(self, *, role: Role | None = None) -> StudyPlan:
        settings = self.svc.settings
        role = role or settings.target_role
        if role is None:
            raise MlcoachError("no target role: pass --role or set MLCOACH_TARGET_ROLE (e.g. mle)")
        if settings.interview_date is None:
            raise MlcoachError("no interview date: set MLCOACH_INTERVIEW_DATE=YYYY-MM-DD")
        guide = self.svc.bank.roles.get(role)
        if guide is None:
            raise NotFound(f"no role guide for {role.value!r}")
        now = self.now()
        history = self.history()
        last_mock = self.repo.last_mock_start(self.user_id)
        seen = {c.question_id for c in history.cards if c.fsrs.get("last_review")}
        seen |= {a.question_id for a in history.attempts}
        context = PlanContext(
            today=now.astimezone(self.tz).date(),
            now=now,
            tz=self.tz,
            seen=frozenset(seen),
            cards=history.cards,
            last_mock=last_mock.astimezone(self.tz).date() if last_mock else None,
        )
        return build_study_plan(
            guide,
            self.questions,
            interview=settings.interview_date,
            new_per_day=settings.new_cards_per_day,
            context=context,
            scheduler=CardScheduler(
                desired_retention=settings.desired_retention, enable_fuzzing=False
            ),
        )


def started_recently(interview: MockInterview, now: datetime) -> bool:
    """Whether an unfinished interview is worth resuming (begun within the last day)."""
    begun = interview.started_at
    return begun is not None and now - begun < timedelta(days=1)
