"""Practice for the signed-in web user: drills carried in a signed token, mocks by id.

`PracticeService` grades through `Services.grade`, which resolves imported questions for
the *local* user; `WebPractice` grades against the question as the signed-in user sees it.
A drill lives in the browser as a signed token (no server memory, no new table), so it
survives a restart and works behind several instances.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mlcoach.domain import Attempt, Grade, Level, Role, User
from mlcoach.errors import MlcoachError
from mlcoach.practice.drill import CardResult, DrillFilter, DrillSession, Pick
from mlcoach.practice.grades import apply_overrides, grade_from_dict
from mlcoach.practice.mock import MockInterview
from mlcoach.practice.scheduling import Rating, suggest_rating
from mlcoach.practice.service import Graded, PracticeService
from mlcoach.web.catalog import find_question, grade_answer
from mlcoach.web.security import Signer

if TYPE_CHECKING:
    from collections.abc import Callable

    from mlcoach.services import Services

MAX_DRILL = 50


class WebPractice(PracticeService):
    def __init__(self, services: Services, user: User, clock: Callable[[], datetime]) -> None:
        super().__init__(services, user_id=user.id, clock=clock)
        self.user = user

    def grade_answer(self, question_id: str, answer: str, *, started_at: datetime) -> Graded:
        if not answer.strip():
            return Graded(None, None, suggest_rating(None))
        grade = grade_answer(self.svc, find_question(self.svc, self.user, question_id), answer)
        attempt = self.svc.store.attempts.add(
            Attempt(
                self.user_id,
                question_id,
                answer,
                grade.to_dict(),
                started_at,
                self.now(),
                "drill",
            )
        )
        return Graded(attempt.id, grade, suggest_rating(grade))

    def grade_question(self, question_id: str, answer: str) -> Grade:
        return grade_answer(self.svc, find_question(self.svc, self.user, question_id), answer)

    def graded(self, attempt_id: int | None) -> Graded:
        """A stored drill answer as the rating step sees it (with the user's corrections)."""
        if attempt_id is None:
            return Graded(None, None, suggest_rating(None))
        attempt = self.svc.store.attempts.get(self.user_id, attempt_id)
        grade = apply_overrides(
            grade_from_dict(attempt.grade), attempt.overrides.get("covered", [])
        )
        return Graded(attempt_id, grade, suggest_rating(grade))

    def load_mock(self, session_id: int) -> MockInterview:
        return MockInterview.from_dict(self.svc.store.mocks.get(self.user_id, session_id).state)

    def new_mock(self, *, role: str, level: str, minutes: int) -> int:
        try:
            chosen_role, chosen_level = Role(role), Level(level)
        except ValueError:
            raise MlcoachError("choose a role and a level from the lists") from None
        if not 5 <= minutes <= 240:
            raise MlcoachError("a mock interview lasts between 5 and 240 minutes")
        interview = self.plan_mock(role=chosen_role, level=chosen_level, minutes=minutes)
        session_id, _ = self.start_mock(interview)
        return session_id


@dataclass
class Drill:
    """A drill between two requests: the session, the card on screen, its graded answer."""

    session: DrillSession
    pick: Pick | None
    card_started: datetime | None
    answered: bool = False
    attempt_id: int | None = None

    def dump(self, signer: Signer, user_id: int) -> str:
        s = self.session
        return signer.sign(
            {
                "u": user_id,
                "f": [
                    s.filter.topic,
                    s.filter.role and s.filter.role.value,
                    s.filter.level and s.filter.level.value,
                ],
                "l": s.limit,
                "n": s.new_allowed,
                "s": s.started_at.isoformat(),
                "r": [_result_dict(r) for r in s.results],
                "p": [self.pick.question_id, self.pick.is_new] if self.pick else None,
                "t": self.card_started.isoformat() if self.card_started else None,
                "a": [self.answered, self.attempt_id],
            }
        )

    @classmethod
    def load(cls, signer: Signer, token: str, user_id: int, practice: WebPractice) -> Drill:
        data = signer.unsign(token)
        if data is None or data.get("u") != user_id:
            raise MlcoachError("this drill is not yours or has expired: start a new one")
        topic, role, level = data["f"]
        session = DrillSession(
            DrillFilter(topic, Role(role) if role else None, Level(level) if level else None),
            int(data["l"]),
            int(data["n"]),
            datetime.fromisoformat(data["s"]),
            [_result(r) for r in data["r"]],
        )
        pick = None
        if data["p"]:
            qid, is_new = data["p"]
            pick = Pick(qid, practice.svc.store.cards.get(user_id, qid), bool(is_new))
        started = datetime.fromisoformat(data["t"]) if data["t"] else None
        answered, attempt_id = data["a"]
        return cls(session, pick, started, bool(answered), attempt_id)


def _result_dict(r: CardResult) -> list[Any]:
    return [
        r.question_id,
        r.topic,
        r.is_new,
        r.score,
        int(r.suggested),
        int(r.rating),
        r.seconds,
        r.next_due.isoformat(),
    ]


def _result(data: list[Any]) -> CardResult:
    qid, topic, is_new, score, suggested, rating, seconds, due = data
    return CardResult(
        qid,
        topic,
        bool(is_new),
        score,
        Rating(suggested),
        Rating(rating),
        float(seconds),
        datetime.fromisoformat(due),
    )


def drill_filter(topic: str, role: str, level: str) -> DrillFilter:
    try:
        return DrillFilter(
            topic or None, Role(role) if role else None, Level(level) if level else None
        )
    except ValueError:
        raise MlcoachError("unknown role or level") from None


def already_rated(practice: WebPractice, drill: Drill) -> bool:
    """True when this card was reviewed after it was shown: the rating form was sent twice."""
    if drill.pick is None or drill.card_started is None:
        return False
    card = practice.svc.store.cards.get(practice.user_id, drill.pick.question_id)
    last = card.fsrs.get("last_review") if card else None
    return bool(last) and datetime.fromisoformat(str(last)) >= drill.card_started
