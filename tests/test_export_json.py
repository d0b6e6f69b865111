"""JSON export: one document with every field, derived key points marked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlcoach.cli import app
from mlcoach.domain import Question
from tests.conftest import FIXTURES

runner = CliRunner()


def test_json_export_of_an_imported_deck(tmp_path: Path) -> None:
    assert runner.invoke(app, ["import", str(FIXTURES / "import" / "questions.csv")]).exit_code == 0
    out = tmp_path / "deck.json"
    result = runner.invoke(app, ["export", "json", str(out), "--deck", "questions"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"wrote 4 questions to {out}"
    document = json.loads(out.read_text(encoding="utf-8"))
    assert (document["format"], document["version"], document["deck"]) == (
        "mlcoach-questions", 1, "questions"
    )  # fmt: skip
    questions = [Question.from_dict(q) for q in document["questions"]]
    assert [q.id for q in questions] == [
        "questions/what-is-precision",
        "questions/what-is-recall",
        "questions/what-is-an-f1-score",
        "questions/what-is-a-confusion-matrix",
    ]
    precision, recall = questions[0], questions[1]
    assert [(p.text, p.essential, p.derived) for p in precision.key_points] == [
        ("TP / (TP + FP)", True, False),
        ("ignores false negatives", False, False),
    ]
    assert recall.key_points and all(p.derived for p in recall.key_points)
    assert not out.with_name("deck.json.partial").exists()


def test_json_export_of_the_builtin_bank_uses_the_configured_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLCOACH_CONTENT_DIR", str(FIXTURES / "bank"))
    out = tmp_path / "bank.json"
    result = runner.invoke(app, ["export", "json", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert summary["exported"] == len(document["questions"]) > 0
    ids = [q["id"] for q in document["questions"]]
    assert ids == sorted(ids) and "good-item" in ids and document["deck"] is None
