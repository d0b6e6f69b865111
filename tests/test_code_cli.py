"""`mlcoach code ...` through Typer's CliRunner: SPEC shapes, attempts and review cards."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlcoach.cli import app
from mlcoach.coding import sandbox
from mlcoach.coding.problems import load_problems
from mlcoach.domain import CardState
from mlcoach.services import Services

runner = CliRunner()
PROBLEM = "softmax-stable"
FOLDER = Path(load_problems()[PROBLEM].tests_path).parent
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sandbox needs Linux with bubblewrap"
)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_json_has_every_problem() -> None:
    code, out, _ = run("code", "list", "--json")
    assert code == 0
    problems = json.loads(out)
    assert len(problems) >= 40
    assert {"id", "title", "level", "minutes", "topics", "signature", "limits"} <= set(problems[0])
    assert problems == sorted(problems, key=lambda p: p["id"])


def test_list_and_show_for_people() -> None:
    code, out, _ = run("code", "list")
    assert code == 0 and PROBLEM in out
    code, out, _ = run("code", "show", PROBLEM)
    assert code == 0
    assert "def softmax" in out and f"mlcoach code run {PROBLEM} --file F" in out
    code, out, _ = run("code", "show", PROBLEM, "--json")
    shown = json.loads(out)
    assert shown["starter"].startswith("import numpy") and "## Problem" in shown["statement"]


def test_an_unknown_problem_is_one_clear_line() -> None:
    code, out, err = run("code", "show", "softmax-stabel")
    assert code == 2 and out == ""
    assert "no coding problem with id 'softmax-stabel'; did you mean softmax-stable?" in err
    assert "Traceback" not in err


@linux_only
def test_run_json_has_the_spec_shape_and_records_the_attempt(services: Services) -> None:
    code, out, _ = run("code", "run", PROBLEM, "--file", str(FOLDER / "solution.py"), "--json")
    assert code == 0, out
    result = json.loads(out)
    assert set(result) == {"passed", "failed", "error", "tests", "seconds"}
    assert result["failed"] == 0 and result["passed"] >= 6 and result["error"] is None
    assert all(set(t) == {"name", "ok", "message"} for t in result["tests"])
    user = services.local_user()
    [attempt] = services.store.attempts.for_question(user.id, PROBLEM)
    assert attempt.source == "coding" and attempt.grade == result
    assert attempt.answer == (FOLDER / "solution.py").read_text(encoding="utf-8")
    assert services.store.cards.get(user.id, PROBLEM) is None  # a pass schedules nothing


@linux_only
def test_a_failed_run_makes_the_problem_due_now(services: Services) -> None:
    wrong = sorted(FOLDER.glob("wrong_*.py"))[0]
    before = datetime.now(UTC)
    code, out, _ = run("code", "run", PROBLEM, "--file", str(wrong), "--json")
    assert code == 1
    assert json.loads(out)["failed"] >= 1
    card = services.store.cards.get(services.local_user().id, PROBLEM)
    assert card is not None and before <= card.due <= datetime.now(UTC)
    assert card.fsrs["state"] == 1 and card.fsrs["due"] == card.due.isoformat()


@linux_only
def test_a_failed_run_brings_an_existing_card_forward(services: Services) -> None:
    user = services.local_user()
    later = datetime.now(UTC) + timedelta(days=20)
    fsrs = {
        "card_id": 0,
        "state": 2,
        "step": None,
        "stability": 12.0,
        "difficulty": 5.0,
        "due": later.isoformat(),
        "last_review": datetime.now(UTC).isoformat(),
    }
    services.store.cards.save(CardState(user.id, PROBLEM, later, fsrs))
    code, _, _ = run("code", "run", PROBLEM, "--file", str(FOLDER / "starter.py"), "--json")
    assert code == 1
    card = services.store.cards.get(user.id, PROBLEM)
    assert card is not None and card.due <= datetime.now(UTC)
    assert card.fsrs["stability"] == 12.0  # the memory state is kept


@linux_only
def test_human_output_marks_tests_and_shows_the_reference_after_a_pass() -> None:
    code, out, _ = run("code", "run", PROBLEM, "--file", str(FOLDER / "solution.py"))
    assert code == 0
    assert out.count("✓") >= 6 and "✗" not in out
    assert "failed in" in out and "The reference solution, to compare" in out
    wrong = sorted(FOLDER.glob("wrong_*.py"))[0]
    code, out, _ = run("code", "run", PROBLEM, "--file", str(wrong))
    assert code == 1
    assert "✗" in out and "The reference solution" not in out


@linux_only
def test_run_reads_code_from_stdin() -> None:
    code = (FOLDER / "solution.py").read_text(encoding="utf-8")
    result = runner.invoke(app, ["code", "run", PROBLEM, "--file", "-", "--json"], input=code)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["failed"] == 0


def test_solution_reveals_the_reference_and_schedules_a_review(services: Services) -> None:
    code, out, _ = run("code", "solution", PROBLEM)
    assert code == 0 and "def softmax" in out
    assert services.store.cards.get(services.local_user().id, PROBLEM) is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe not utf-8", "is not valid UTF-8"), (b"def f():\x00", "contains NUL bytes")],
)
def test_unreadable_files_are_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "answer.py"
    path.write_bytes(content)
    code, out, err = run("code", "run", PROBLEM, "--file", str(path), "--json")
    assert code == 1 and out == "" and message in err
    code, _, err = run("code", "run", PROBLEM, "--file", str(tmp_path / "missing.py"))
    assert code == 1 and "cannot read" in err and "Traceback" not in err


def test_without_bubblewrap_run_says_so_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox._detect.cache_clear()
    monkeypatch.setattr(sandbox.shutil, "which", lambda name, **_: None)
    try:
        code, out, err = run("code", "run", PROBLEM, "--file", str(FOLDER / "solution.py"))
    finally:
        sandbox._detect.cache_clear()
    assert code == 1 and out == ""
    assert "coding drills are disabled: bubblewrap (bwrap) is not installed" in err
    assert "Traceback" not in err
