"""Use-cases behind the browse, question and grade pages, always for one user.

`Services.question` and `Services.grade` look imported questions up for the *local* user;
in multi-user mode every lookup must be scoped to the signed-in user, so the web layer
resolves questions here and grades through `Services.grader` directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from mlcoach.domain import Attempt, Grade, Question, User
from mlcoach.errors import MlcoachError, NotFound
from mlcoach.grading import check_answer

if TYPE_CHECKING:
    from mlcoach.services import Services

PAGE_SIZE = 20
SEARCH_POOL = 200
RELEVANT = 0.25  # a search result scores at least this share of the best one


@dataclass(frozen=True)
class Filters:
    q: str = ""
    topic: str = ""
    kind: str = ""
    level: str = ""
    role: str = ""
    page: int = 1

    def matches(self, question: Question) -> bool:
        return (
            (not self.topic or self.topic in question.topics)
            and (not self.kind or question.kind.value == self.kind)
            and (not self.level or question.level.value == self.level)
            and (not self.role or self.role in {r.value for r in question.roles})
        )


@dataclass(frozen=True)
class Browse:
    questions: list[Question]
    total: int
    page: int
    pages: int


def find_question(svc: Services, user: User, question_id: str) -> Question:
    """A built-in question, or one this user imported; another user's import is NotFound."""
    if question_id in svc.bank.questions:
        return svc.bank.questions[question_id]
    if "/" in question_id:
        return svc.store.imported.get(user.id, question_id)
    raise NotFound(f"no question with id {question_id!r}")


def browse(svc: Services, user: User, filters: Filters) -> Browse:
    """Bank and imported questions matching the filters; a query ranks by search score."""
    imported = svc.store.imported.list(user.id)
    if filters.q.strip():
        words = filters.q.lower().split()
        pool = [q for q in imported if all(w in q.title.lower() for w in words)]  # yours first
        hits = svc.search(filters.q, limit=SEARCH_POOL)
        floor = RELEVANT * hits[0].score if hits else 0.0  # drop the long tail of weak matches
        pool += [
            svc.bank.questions[h.id]
            for h in hits
            if h.score >= floor and h.id in svc.bank.questions
        ]
    else:
        pool = sorted(svc.bank.questions.values(), key=lambda q: (q.topic, q.title)) + imported
    found = [q for q in pool if filters.matches(q)]
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(max(1, filters.page), pages)
    start = (page - 1) * PAGE_SIZE
    return Browse(found[start : start + PAGE_SIZE], len(found), page, pages)


def grade_answer(svc: Services, question: Question, answer: str) -> Grade:
    from mlcoach.engine.rubric import Rubric

    if not question.key_points and not question.answer:
        raise MlcoachError("this item has no model answer or key points to grade against")
    return svc.grader.grade(Rubric.from_question(question), check_answer(answer))


def started_at(value: str | None, now: datetime) -> datetime:
    """When the user started answering (sent back by the page), clamped to the last day."""
    try:
        moment = datetime.fromisoformat(value or "")
    except ValueError:
        return now
    if moment.tzinfo is None or moment > now or now - moment > timedelta(days=1):
        return now
    return moment


def answer_question(
    svc: Services,
    user: User,
    question: Question,
    answer: str,
    *,
    started: datetime,
    now: datetime,
    source: str = "question",
) -> tuple[Attempt, Grade]:
    """Grade the answer and keep the attempt (committed before this returns)."""
    if not answer.strip():
        raise MlcoachError("write an answer first: an empty answer cannot be graded")
    grade = grade_answer(svc, question, answer)
    attempt = Attempt(user.id, question.id, answer, grade.to_dict(), started, now, source)
    return svc.store.attempts.add(attempt), grade


def toggle_override(svc: Services, user: User, attempt_id: int, point: int) -> Attempt:
    """The user says "I did say this" about a point the grader missed (or takes it back)."""
    from mlcoach.practice.grades import grade_from_dict, overrides_dict

    attempt = svc.store.attempts.get(user.id, attempt_id)
    grade = grade_from_dict(attempt.grade)
    if not 0 <= point < len(grade.points):
        raise NotFound(f"attempt {attempt_id} has no key point {point + 1}")
    if grade.points[point].covered:
        raise MlcoachError("the grader already counted this point as covered")
    covered = {int(i) for i in attempt.overrides.get("covered", [])} ^ {point}
    svc.store.attempts.set_overrides(user.id, attempt_id, overrides_dict(covered, grade))
    return svc.store.attempts.get(user.id, attempt_id)
