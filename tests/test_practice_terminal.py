"""`mlcoach drill` and `mlcoach mock` driven end to end in a real terminal (pexpect), with
the built-in bank and the real grader, then the database checked."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pexpect
import pytest
from rich.console import Console

from mlcoach.config import Settings
from mlcoach.domain import Level, Role
from mlcoach.practice.console import run_mock
from mlcoach.practice.live_clock import LiveClock
from mlcoach.practice.service import PracticeService
from mlcoach.store import Store
from tests.test_drill import fake_services, make_bank

MLCOACH = str(Path(sys.executable).with_name("mlcoach"))
ANSWER_PROMPT = r"\[\d+:\d\d(?: over)? \| \+?\d+:\d\d(?: over)? left\] > "
WEAK_ANSWER = "I think it depends on the data and on the model we pick for the task."


def environment(data_dir: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(data_dir),
        "MLCOACH_DATA_DIR": str(data_dir),
        "HF_HUB_OFFLINE": "1",
        "TERM": "dumb",
        "COLUMNS": "120",
        "LINES": "50",
        "TZ": "UTC",
    }


def spawn(data_dir: Path, *args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        MLCOACH,
        list(args),
        env=environment(data_dir),
        encoding="utf-8",
        timeout=90,
        dimensions=(50, 120),
    )
    child.logfile_read = None
    return child


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return int(child.exitstatus)


def open_store(data_dir: Path) -> Store:
    return Store.open(f"sqlite:///{data_dir / 'mlcoach.db'}")


def test_a_new_user_drills_two_cards(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = spawn(data, "drill", "--limit", "2")
    child.expect(r"Drill: 0 due, 15 new today; up to 2 cards\.")
    child.expect("1/2")
    child.expect("Type your answer")
    child.sendline(WEAK_ANSWER)
    child.sendline("Bigger models need more data.")
    child.sendline("")
    child.expect(r"Score \d\.\d/5")
    child.expect("Model answer")
    child.expect("Answer and grade saved")
    child.expect(r"Rate \[1 Again · 2 Hard · 3 Good · 4 Easy\] \(Enter = (\d) ")
    child.sendline("s 1")
    child.expect(r"Score with your correction: \d\.\d/5 \(correction saved\)")
    child.expect(r"Rate \[")
    child.sendline("3")
    child.expect(r"Saved: Good\. Next review in 10 min · \d+:\d\d on this card\.")
    child.expect("2/2")
    child.expect("Type your answer")
    child.sendline("")  # an empty answer: show me
    child.expect("Revealed without an answer: suggested rating Again")
    child.expect(r"Rate \[.*\(Enter = 1 Again")
    child.sendline("")
    child.expect(r"Saved: Again\. Next review in 1 min")
    child.expect("Session summary")
    child.expect(r"cards\s+2 \(2 new, 0 reviews\)")
    child.expect(r"ratings\s+Again 1, Hard 0, Good 1, Easy 0")
    assert finish(child) == 0

    store = open_store(data)
    user = store.users.ensure("local")
    reviews = store.reviews.list(user.id)
    assert [r.rating for r in reviews] == [3, 1]
    assert reviews[1].suggested_rating == 1
    cards = store.cards.all(user.id)
    assert [c.fsrs["card_id"] for c in cards] == [c.id for c in cards]
    attempts = store.attempts.for_question(user.id, reviews[0].question_id)
    assert len(attempts) == 1 and attempts[0].source == "drill"
    assert attempts[0].overrides["covered"] == [0]
    assert "Bigger models need more data." in attempts[0].answer
    store.close()

    stats = subprocess.run(
        [MLCOACH, "stats", "--json"],
        env=environment(data),
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )
    doc = json.loads(stats.stdout)
    assert (doc["reviews"], doc["cards"], doc["streak"], doc["retention"]) == (2, 2, 1, 0.5)


def test_a_new_user_runs_a_30_minute_mle_mock(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = spawn(data, "mock", "--role", "mle", "--minutes", "30")
    child.expect(r"Mock interview: mle · mid · 30 minutes · (\d+) questions")
    planned = int(child.match.group(1))
    child.expect("Coding \\(ML implementation\\)")
    child.expect(r"coding round skipped|its questions need about \d+ minutes")  # 30 min is short
    child.expect(r"Press Enter to start \(q to quit\): ")
    child.sendline("")
    answers, headers = 0, []
    while True:
        found = child.expect([r"(Question|Follow-up) (\d+)/(\d+)", "Mock interview report"])
        if found == 1:
            break
        headers.append(child.match.group(1))
        if child.expect([ANSWER_PROMPT, "Enter runs the hidden tests"]) == 1:
            child.sendline("")  # a coding question: run the untouched starter file
        else:
            child.sendline(WEAK_ANSWER)
            child.expect(ANSWER_PROMPT)
            child.sendline("")
        child.expect("Answer saved")
        answers += 1
    child.expect("Per topic")
    child.expect("Study next")
    assert finish(child) == 0
    assert headers.count("Question") == planned >= 3
    assert "Follow-up" in headers  # weak answers miss points, and misses bring follow-ups

    store = open_store(data)
    user = store.users.ensure("local")
    [session] = store.mocks.list(user.id)
    assert session.finished_at is not None and session.report is not None
    report = session.report
    assert len(report["questions"]) == answers
    assert report["time"]["end_reason"] == "completed" and report["time"]["limit_s"] == 1800
    assert 1 <= len(report["study_next"]) <= 3
    assert all("score" in q and "missed" in q for q in report["questions"])
    due = {c.question_id for c in store.cards.due(user.id, datetime.now(UTC))}
    assert set(report["due_now"]) <= due and report["due_now"]  # the closed loop
    store.close()


def test_the_live_countdown_is_pinned_above_the_typing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    master, slave = os.openpty()
    stream = os.fdopen(slave, "w")
    ticks = iter(range(100, 0, -1))
    with LiveClock(lambda: f"left {next(ticks)}", stream=stream, interval=0.05):
        time.sleep(0.3)
    stream.close()
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end is closed and everything was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    written = b"".join(chunks).decode()
    assert re.search(r"\x1b\[2;\d+r", written)  # rows below the clock scroll, it stays
    assert "left 100" in written and "left 98" in written
    assert written.endswith("\x1b7\x1b[r\x1b8")  # the whole screen scrolls again after
    monkeypatch.setenv("TERM", "dumb")
    _, other = os.openpty()
    with os.fdopen(other, "w") as dumb:
        assert not LiveClock(lambda: "", stream=dumb).enabled  # the prompt shows the time


def test_a_coding_question_is_answered_in_a_file_and_run_in_the_sandbox(
    settings: Settings, tmp_path: Path
) -> None:
    from mlcoach.coding import detect
    from mlcoach.coding.problems import load_problems
    from mlcoach.errors import SandboxError

    try:
        detect()
    except SandboxError as exc:
        pytest.skip(f"no sandbox on this system: {exc}")
    problem = load_problems(None)["adam-step"]
    bank = make_bank(tmp_path)
    bank.coding[problem.id] = problem
    svc = fake_services(settings, bank)
    practice = PracticeService(svc, fuzzing=False)
    code_file = settings.data_dir / "mock-code" / "adam-step.py"
    prompts: list[str] = []
    typed = iter(["the b1-k1 and b1-k2 ideas", "", "a1-k1 a1-k2 a2-k1 a2-k2", ""] * 4)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        if prompt.startswith("Press Enter"):
            return ""
        if "Enter runs the hidden tests" in prompt:
            assert code_file.read_text() == problem.starter  # the starter, ready to edit
            code_file.write_text(problem.solution)  # "edited in the user's editor"
            return ""
        return next(typed)

    out = io.StringIO()
    report = run_mock(
        practice,
        role=Role.MLE,
        level=Level.MID,
        minutes=30,
        console=Console(file=out, width=120),
        read=read,
        live_clock=False,
    )
    svc.close()
    assert report is not None
    coding = [q for q in report["questions"] if q["question_id"] == "adam-step"]
    assert len(coding) == 1 and coding[0]["score"] == 5.0 and coding[0]["coding"]
    assert "Implement one Adam" in out.getvalue()  # the problem statement was shown
    assert sum("Enter runs the hidden tests" in p for p in prompts) == 1
