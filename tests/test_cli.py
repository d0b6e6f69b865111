"""The CLI through Typer's CliRunner, parsing --json output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mlcoach.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()


def test_bank_check_passes_on_the_builtin_bank() -> None:
    result = runner.invoke(app, ["bank", "check"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_bank_check_lists_every_problem_and_exits_1() -> None:
    result = runner.invoke(app, ["bank", "check", "--content", str(FIXTURES / "bank")])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 21
    assert "bank/questions/alpha/not-utf8.md:7: file is not valid UTF-8" in lines
    assert all(":" in line.split(" ", 1)[0] for line in lines)


def test_bank_check_json_is_one_document() -> None:
    result = runner.invoke(app, ["bank", "check", "--content", str(FIXTURES / "bank"), "--json"])
    problems = json.loads(result.stdout)
    assert {"path", "line", "message"} == set(problems[0])
    assert result.exit_code == 1


def test_bank_check_on_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bank", "check", "--content", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.output


def test_bank_stats_json_has_the_spec_shape() -> None:
    result = runner.invoke(app, ["bank", "stats", "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    for key in ("questions", "coding", "by_topic", "by_kind", "by_level", "by_role"):
        assert key in stats
    assert stats["questions"] >= 20 and stats["coding"] >= 1
    assert sum(stats["by_topic"].values()) == stats["questions"] + stats["coding"]


def test_bank_coverage_json_lists_topics_with_missing_concepts() -> None:
    result = runner.invoke(app, ["bank", "coverage", "--json"])
    report = json.loads(result.stdout)
    assert "ml-foundations" in report
    assert set(report["ml-foundations"]) == {"items", "min_items", "concepts", "missing"}


def test_show_renders_a_question_with_its_sections() -> None:
    stats = json.loads(runner.invoke(app, ["bank", "stats", "--json"]).stdout)
    assert stats["questions"] > 0
    from mlcoach.bank import load_bank

    question = next(iter(load_bank().questions.values()))
    result = runner.invoke(app, ["show", question.id], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    for heading in ("Model answer", "Key points", "Red flags", "Why it's asked", "Follow-ups"):
        assert heading in result.stdout
    assert "essential" in result.stdout


def test_show_unknown_id_is_a_clear_error_not_a_traceback() -> None:
    result = runner.invoke(app, ["show", "no-such-question"])
    assert result.exit_code == 2
    assert "no question with id 'no-such-question'" in result.stderr
    assert "Traceback" not in result.output


def test_db_upgrade_creates_the_store(tmp_path: Path) -> None:
    db = tmp_path / "x" / "store.db"
    result = runner.invoke(app, ["db", "upgrade"], env={"MLCOACH_DATABASE_URL": f"sqlite:///{db}"})
    assert result.exit_code == 0, result.output
    assert "0001_initial_schema" in result.stdout and db.is_file()


def test_invalid_setting_is_reported_without_traceback() -> None:
    result = runner.invoke(app, ["db", "upgrade"], env={"MLCOACH_DESIRED_RETENTION": "2"})
    assert result.exit_code == 1
    assert "MLCOACH_DESIRED_RETENTION" in result.stderr


def test_menu_lists_actions_and_quits() -> None:
    result = runner.invoke(app, [], input="3\nq\n")
    assert result.exit_code == 0, result.output
    assert "Browse topics" in result.stdout and "questions" in result.stdout


def test_menu_browses_to_a_question() -> None:
    result = runner.invoke(app, [], input="1\n1\n1\n\nq\n", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Model answer" in result.stdout


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    for command in ("bank", "show", "db"):
        assert command in result.stdout
