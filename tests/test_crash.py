"""What the user saw acknowledged survives a kill -9: answers, grades, reviews, mock state."""

from __future__ import annotations

import os
import signal
from datetime import UTC, datetime
from pathlib import Path

import pexpect

from mlcoach.practice.mock import MockInterview, Phase
from tests.test_practice_terminal import ANSWER_PROMPT, WEAK_ANSWER, finish, open_store, spawn


def kill_hard(child: pexpect.spawn) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL


def test_a_drill_killed_mid_card_keeps_every_acknowledged_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = spawn(data, "drill", "--limit", "3")
    child.expect("Type your answer")
    child.sendline(WEAK_ANSWER)
    child.sendline("")
    child.expect(r"Rate \[")
    child.sendline("2")
    child.expect(r"Saved: Hard\.")
    child.expect("Type your answer")
    child.sendline("A second answer that is graded and then the process dies.")
    child.sendline("")
    child.expect("Answer and grade saved")
    child.expect(r"Rate \[")  # graded and stored; the rating is never given
    kill_hard(child)

    store = open_store(data)
    user = store.users.ensure("local")
    [review] = store.reviews.list(user.id)
    assert review.rating == 2
    [card] = store.cards.all(user.id)
    assert card.question_id == review.question_id and card.fsrs["card_id"] == card.id
    assert card.due > review.reviewed_at
    from mlcoach.store.practice import PracticeRepo

    attempts = PracticeRepo(store.engine).attempts(user.id)
    assert [a.answer for a in attempts][1] == (
        "A second answer that is graded and then the process dies."
    )
    assert all("score" in a.grade for a in attempts) and len(attempts) == 2
    store.close()


def test_a_mock_killed_mid_answer_resumes_where_it_stopped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = spawn(data, "mock", "--role", "mle", "--minutes", "30")
    child.expect(r"Press Enter to start")
    child.sendline("")
    child.expect(r"Question 1/\d+")
    child.expect(ANSWER_PROMPT)
    child.sendline(WEAK_ANSWER)
    child.expect(ANSWER_PROMPT)
    child.sendline("")
    child.expect("Answer saved")
    child.expect(ANSWER_PROMPT)
    child.sendline("half of the next answer, never finished")  # typing when the power goes
    child.expect(ANSWER_PROMPT)
    kill_hard(child)

    store = open_store(data)
    user = store.users.ensure("local")
    [session] = store.mocks.list(user.id)
    assert session.finished_at is None and session.id is not None
    interview = MockInterview.from_dict(session.state)
    assert interview.phase is Phase.ASKING and len(interview.answered) == 1
    first = interview.answered[0]
    assert first.answer == WEAK_ANSWER and first.grade is not None
    assert first.attempt_id is not None
    stored = store.attempts.get(user.id, first.attempt_id)
    assert stored.answer == WEAK_ANSWER and stored.source == "mock"
    missed_essential = any(p["essential"] and not p["covered"] for p in first.grade["points"])
    if missed_essential:
        due = {c.question_id for c in store.cards.due(user.id, datetime.now(UTC))}
        assert first.question_id in due
    waiting = interview.current
    assert waiting is not None
    store.close()

    again = spawn(data, "mock", "--role", "mle", "--minutes", "30")
    again.expect(r"unfinished mle mock \(answers so far: 1\)\. Resume it\? \[Y/n\] ")
    again.sendline("")
    again.expect(r"(Question|Follow-up) \d+/\d+")
    again.expect_exact(waiting.prompt[:40])  # the question that was waiting, asked again
    again.expect(ANSWER_PROMPT)
    again.sendline("/end")
    again.expect(ANSWER_PROMPT)
    again.sendline("")
    again.expect("Mock interview report")
    assert finish(again) == 0

    store = open_store(data)
    [session] = store.mocks.list(user.id)
    assert session.finished_at is not None and session.report is not None
    assert session.report["time"]["end_reason"] == "stopped"
    assert [q["question_id"] for q in session.report["questions"]] == [first.question_id]
    store.close()
