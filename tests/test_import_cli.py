"""`mlcoach import` through Typer's CliRunner: JSON shape, dry runs, re-imports, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlcoach.cli import app
from mlcoach.config import Settings
from mlcoach.domain import Question
from mlcoach.engine.rubric import reference_points
from mlcoach.services import Services
from tests.conftest import FIXTURES

runner = CliRunner()
CORPUS = FIXTURES / "import"


def run(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def stored(deck: str) -> list[Question]:
    svc = Services(Settings())
    try:
        return svc.store.imported.list(svc.local_user().id, deck=deck)
    finally:
        svc.close()


def test_import_json_has_the_spec_shape_and_twice_adds_nothing() -> None:
    first = run("import", str(CORPUS / "numbered.md"), "--json")
    assert {"imported", "skipped", "questions", "warnings"} <= set(first)
    assert first["imported"] == 11 and first["skipped"] == 0
    assert first["questions"][0] == {
        "id": "numbered/what-is-a-p-value",
        "title": "What is a p-value?",
        "needs_answer": False,
        "derived_key_points": True,
    }
    assert {"path", "line", "message"} == set(first["warnings"][0])
    second = run("import", str(CORPUS / "numbered.md"), "--json")
    assert (second["imported"], second["skipped"], second["questions"]) == (0, 11, [])
    assert len(stored("numbered")) == 11


def test_dry_run_shows_exactly_what_the_import_then_does() -> None:
    preview = run("import", str(CORPUS / "faq.html"), "--deck", "nlp", "--dry-run", "--json")
    assert preview["dry_run"] is True and stored("nlp") == []
    done = run("import", str(CORPUS / "faq.html"), "--deck", "nlp", "--json")
    strip = [{k: q[k] for k in ("id", "title", "needs_answer")} for q in preview["questions"]]
    assert strip == [{k: q[k] for k in ("id", "title", "needs_answer")} for q in done["questions"]]
    assert preview["warnings"] == done["warnings"]


def test_key_points_are_derived_when_graded_and_questions_can_be_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MLCOACH_CONTENT_DIR", str(FIXTURES / "bank"))  # a small bank loads fast
    run("import", str(CORPUS / "headings.md"), "--deck", "ml", "--json")
    questions = {q.id: q for q in stored("ml")}
    gini = questions["ml/what-is-gini-impurity"]
    assert gini.key_points == ()  # none in the page: derived lazily, not stored
    assert gini.kind.value == "concept" and gini.topics == ()
    shown = runner.invoke(app, ["show", "ml/what-is-gini-impurity"], terminal_width=100)
    assert shown.exit_code == 0 and "Gini impurity" in shown.stdout
    graded = runner.invoke(
        app,
        ["grade", "ml/what-is-gini-impurity", "--json", "--answer",
         "The probability that two random items from the node have different labels."],
    )  # fmt: skip
    assert graded.exit_code == 0, graded.output
    grade = json.loads(graded.stdout)
    assert grade["score"] > 0
    derived = [p.text for p in reference_points(gini.answer)]
    assert [p["text"] for p in grade["points"]] == derived  # derived from the answer


def test_questions_needing_an_answer_keep_no_key_points() -> None:
    run("import", str(CORPUS / "numbered.md"), "--json")
    questions = {q.title: q for q in stored("numbered")}
    ci = questions["What is a confidence interval?"]
    assert (ci.answer, ci.key_points, ci.sources) == ("", (), ("https://example.org/blog/ci",))


def test_a_folder_import_with_a_forced_format(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("## What is a GAN?\nTwo networks in a game.\n")
    (tmp_path / "b.csv").write_text(
        "question,answer\nWhat is a VAE?,An autoencoder with a prior.\n"
    )
    (tmp_path / ".hidden.md").write_text("## What is hidden?\nNothing.\n")
    report = run("import", str(tmp_path), "--format", "md", "--deck", "gen", "--json")
    assert [q["id"] for q in report["questions"]] == ["gen/what-is-a-gan"]
    report = run("import", str(tmp_path), "--deck", "gen", "--json")
    assert [q["id"] for q in report["questions"]] == ["gen/what-is-a-vae"]
    assert report["skipped"] == 1


def test_the_same_slug_for_different_questions_gets_a_suffix(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("## What is C?\nA language.\n\n## What is C++?\nAnother language.\n")
    report = run("import", str(page), "--json")
    assert [q["id"] for q in report["questions"]] == ["p/what-is-c", "p/what-is-c-2"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "/no/such/file.md"], "does not exist"),
        (["import", str(FIXTURES / "bank" / "concepts.yaml"), "--deck", "!!!"], "deck name"),
        (["export", "json", "out.json", "--deck", "never-imported"], "no deck named"),
    ],
)
def test_errors_are_one_line_without_traceback(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert message in result.stderr and "Traceback" not in result.output
    assert result.stdout == ""


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(tmp_path), "--json"])
    assert result.exit_code == 1 and "no importable files" in result.stderr


def test_plain_output_lists_questions_and_warnings() -> None:
    result = runner.invoke(app, ["import", str(CORPUS / "toc_plain.md"), "--dry-run"])
    assert result.exit_code == 0
    assert "toc-plain/what-is-dbscan  What is DBSCAN?" in result.stdout
    assert "would import 3 questions into deck 'toc-plain', skipped 2" in result.stdout
    assert "toc_plain.md:5: needs an answer" in result.stderr
