"""Markdown export in the SPEC §3 format: importing the folder gives the same questions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mlcoach.bank.exporters.markdown import question_file
from mlcoach.domain import KeyPoint, Kind, Level, Question, Role
from mlcoach.services import Services
from mlcoach.transfer import export, import_path
from tests.conftest import FIXTURES


def same(a: Question, b: Question) -> bool:
    return dataclasses.replace(a, id="", path=None) == dataclasses.replace(b, id="", path=None)


def test_the_builtin_bank_round_trips_exactly(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    count = export(services, "md", folder)
    assert count == len(services.bank.questions) >= 20
    report = import_path(services, folder, deck="copy")
    assert len(report.questions) == count and report.warnings == []
    user = services.local_user()
    stored = {q.id: q for q in services.store.imported.list(user.id, deck="copy")}
    for qid, original in services.bank.questions.items():
        assert same(original, stored[f"copy/{qid}"]), qid
    again = import_path(services, folder, deck="copy")
    assert (len(again.questions), again.skipped) == (0, count)


def test_an_imported_deck_round_trips_with_its_derived_key_points(
    services: Services, tmp_path: Path
) -> None:
    import_path(services, FIXTURES / "import", deck="mine")
    user = services.local_user()
    mine = services.store.imported.list(user.id, deck="mine")
    folder = tmp_path / "mine"
    assert export(services, "md", folder, deck="mine") == len(mine)
    report = import_path(services, folder, deck="again")
    assert report.warnings == [w for w in report.warnings if "needs an answer" in w.message]
    again = {q.id.split("/", 1)[1]: q for q in services.store.imported.list(user.id, deck="again")}
    assert len(again) == len(mine)
    for question in mine:
        assert same(question, again[question.id.split("/", 1)[1]]), question.id
    assert sum(not q.key_points for q in mine) > 20  # derived when graded, not stored
    second = import_path(services, folder, deck="again")
    assert (len(second.questions), second.skipped) == (0, len(mine))


def test_file_format_quotes_yaml_and_marks_essential_points() -> None:
    question = Question(
        id="deck/early-stopping",
        title="Early stopping: when, and why?",
        kind=Kind.SCENARIO,
        topics=("training",),
        roles=(Role.MLE,),
        level=Level.SENIOR,
        answer="Stop when validation loss stops improving.",
        key_points=(KeyPoint("Watch validation loss.", essential=True), KeyPoint("Keep the best.")),
    )
    text = question_file(question)
    assert text.startswith(
        "---\nid: early-stopping\ntitle: 'Early stopping: when, and why?'\nkind: scenario\n"
        "topics: [training]\nroles: [mle]\nlevel: senior\nminutes: 3\nconcepts: []\n"
        "follow_ups: []\nsources: []\n---\n## Answer\nStop when validation loss stops improving.\n"
    )
    assert "## Key points\n- ! Watch validation loss.\n- Keep the best.\n" in text
    assert text.endswith("## Why it's asked\n## Answer framework\n## Follow-ups\n")
