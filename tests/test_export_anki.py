"""Anki export checked with the real `anki` library: notes, fields, tags and stable ids."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlcoach.bank.exporters.anki import MODEL_NAME, stable_id, write_apkg
from mlcoach.bank.importers import parse_file
from mlcoach.cli import app
from mlcoach.domain import KeyPoint, Kind, Level, Question, Role
from tests.conftest import FIXTURES

runner = CliRunner()
T1, T2 = 1_790_000_000.0, 1_790_086_400.0  # fixed clock: two exports a day apart

QUESTIONS = [
    Question(
        id="bias-variance",
        title="Explain the bias-variance trade-off.",
        kind=Kind.CONCEPT,
        topics=("ml-foundations", "evaluation"),
        roles=(Role.MLE, Role.DS),
        level=Level.JUNIOR,
        answer="Error splits into **bias**, variance and noise: $E = b^2 + v + \\sigma^2$.",
        key_points=(KeyPoint("Bias is error from wrong assumptions.", essential=True),),
        red_flags=("Says more data always lowers bias.",),
    ),
    Question(
        id="deck/what-is-a-p-value",
        title="What is a <p>-value?",
        kind=Kind.FACT,
        topics=(),
        answer="The chance of data at least this extreme if the null is true.",
    ),
]


def open_in_anki(path: Path, packages: list[Path]) -> Any:
    from anki.collection import Collection, ImportAnkiPackageRequest

    col = Collection(str(path))
    for package in packages:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package)))
    return col


def notes(col: Any) -> dict[str, Any]:
    return {col.get_note(n).guid: col.get_note(n) for n in col.find_notes("")}


def test_export_opens_in_anki_with_fields_tags_and_our_ids(tmp_path: Path) -> None:
    import genanki  # type: ignore[import-untyped]

    out = tmp_path / "deck.apkg"
    write_apkg(QUESTIONS, out, deck="stats", timestamp=T1)
    col = open_in_anki(tmp_path / "c.anki2", [out])
    try:
        found = notes(col)
        assert set(found) == {
            genanki.guid_for("bias-variance"),
            genanki.guid_for("deck/what-is-a-p-value"),
        }
        first = found[genanki.guid_for("bias-variance")]
        assert first.note_type()["name"] == MODEL_NAME
        assert first.note_type()["id"] == stable_id(MODEL_NAME)
        assert first.keys() == ["Prompt", "Answer", "Key points", "Red flags", "Id"]
        assert first["Prompt"] == "Explain the bias-variance trade-off."
        assert (
            "<strong>bias</strong>" in first["Answer"]
            and "\\(E = b^2 + v + \\sigma^2\\)" in first["Answer"]
        )
        assert first["Key points"] == "<ul><li>★ Bias is error from wrong assumptions.</li></ul>"
        assert first["Red flags"] == "<ul><li>Says more data always lowers bias.</li></ul>"
        assert sorted(first.tags) == sorted(
            ["topic::ml-foundations", "topic::evaluation", "kind::concept", "level::junior",
             "role::mle", "role::ds"]
        )  # fmt: skip
        second = found[genanki.guid_for("deck/what-is-a-p-value")]
        assert second["Prompt"] == "What is a &lt;p&gt;-value?"  # escaped, not a tag
        assert 'class="derived"' in second["Key points"]  # derived from the answer
        assert col.decks.by_name("mlcoach::stats") is not None
        assert len(col.find_cards("")) == 2
    finally:
        col.close()


def test_re_export_updates_notes_instead_of_duplicating(tmp_path: Path) -> None:
    first, second = tmp_path / "v1.apkg", tmp_path / "v2.apkg"
    write_apkg(QUESTIONS, first, deck=None, timestamp=T1)
    edited = dataclasses.replace(QUESTIONS[1], answer="Edited answer about tail probability.")
    extra = dataclasses.replace(QUESTIONS[1], id="deck/what-is-power", title="What is power?")
    write_apkg([QUESTIONS[0], edited, extra], second, deck=None, timestamp=T2)
    col = open_in_anki(tmp_path / "c.anki2", [first, second])
    try:
        found = notes(col)
        assert len(found) == 3
        assert [m.name for m in col.models.all_names_and_ids()].count(MODEL_NAME) == 1
        answers = sorted(n["Answer"] for n in found.values())
        assert "<p>Edited answer about tail probability.</p>" in answers
        assert col.decks.by_name("mlcoach") is not None
    finally:
        col.close()


def test_cli_export_of_an_imported_deck_imports_back_the_same(tmp_path: Path) -> None:
    source = FIXTURES / "import" / "headings.md"
    assert runner.invoke(app, ["import", str(source), "--deck", "ml"]).exit_code == 0
    out = tmp_path / "ml.apkg"
    result = runner.invoke(app, ["export", "anki", str(out), "--deck", "ml", "--json"])
    assert result.exit_code == 0, result.output
    assert '"exported": 5' in result.stdout
    back = parse_file(out).drafts
    original = parse_file(source).drafts
    assert [d.question.title for d in back] == [d.question.title for d in original][:5]
    assert [d.question.id for d in back][:2] == [
        "what-is-a-loss-function",
        "why-do-we-split-data-into-train-and-test-sets",
    ]  # slugs come back from the hidden Id field
    # derived key points are marked as such and derived again on import
    assert all(d.question.key_points == () for d in back)


@pytest.mark.parametrize("name", ["mlcoach", "mlcoach::stats"])
def test_stable_ids_are_in_anki_range(name: str) -> None:
    assert stable_id(name) == stable_id(name)
    assert 1 << 30 <= stable_id(name) < 1 << 31
