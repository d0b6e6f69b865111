"""Anki packages made by the real `anki` library, read back by the light importer."""

from __future__ import annotations

import importlib.util
import shutil
import zipfile
from pathlib import Path

import pytest

from mlcoach.bank.importers import Format, parse_file
from mlcoach.errors import MlcoachError


def _make_package(folder: Path, *, legacy: bool) -> Path:
    from anki.collection import Collection, ExportAnkiPackageOptions
    from anki.import_export_pb2 import ExportLimit

    col = Collection(str(folder / f"source-{legacy}.anki2"))
    try:
        deck_id = col.decks.id("Interview")
        basic = col.models.by_name("Basic")
        note = col.new_note(basic)
        note["Front"] = "What is <b>regularisation</b>?"
        note["Back"] = "Adding a penalty on complexity.<br><ul><li>L1</li><li>L2</li></ul>"
        note.tags = ["ml::basics", "topic::ml-foundations"]
        col.add_note(note, deck_id)
        cloze = col.new_note(col.models.by_name("Cloze"))
        cloze["Text"] = "The {{c1::sigmoid}} maps reals into {{c2::(0, 1)::an interval}}."
        cloze["Back Extra"] = "Used for binary outputs."
        col.add_note(cloze, deck_id)
        empty = col.new_note(basic)
        empty["Front"] = '<img src="only-a-picture.png">'
        empty["Back"] = "An image card."
        col.add_note(empty, deck_id)
        maths = col.new_note(basic)
        maths["Front"] = "What is the variance of a Bernoulli(p) variable?"
        maths["Back"] = "\\(p(1-p)\\) [sound:explain.mp3]"
        col.add_note(maths, deck_id)
        out = folder / f"deck-{'legacy' if legacy else 'latest'}.apkg"
        options = ExportAnkiPackageOptions(
            with_scheduling=False, with_deck_configs=False, with_media=False, legacy=legacy
        )
        col.export_anki_package(out_path=str(out), options=options, limit=ExportLimit())
    finally:
        col.close()
    return out


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("anki")
    return {
        "legacy": _make_package(folder, legacy=True),
        "latest": _make_package(folder, legacy=False),
    }


def _has_zstd() -> bool:
    return bool(importlib.util.find_spec("zstandard") or shutil.which("zstd"))


EXPECTED = [
    ("What is regularisation?", "Adding a penalty on complexity.\n\n- L1\n- L2"),
    (
        "The [...] maps reals into [an interval].",
        "The **sigmoid** maps reals into **(0, 1)**.\n\nUsed for binary outputs.",
    ),
    ("What is the variance of a Bernoulli(p) variable?", "$p(1-p)$"),
]


def test_notes_become_questions_from_a_legacy_package(packages: dict[str, Path]) -> None:
    parsed = parse_file(packages["legacy"], Format.AUTO, display="deck.apkg")
    assert [(d.question.title, d.question.answer) for d in parsed.drafts] == EXPECTED
    assert [(w.line, w.message.split(" has ")[1]) for w in parsed.warnings] == [
        (3, "an empty front: skipped")
    ]
    assert parsed.drafts[0].question.topics == ("ml-foundations",)


def test_the_newer_compressed_package_is_read_or_refused_clearly(
    packages: dict[str, Path],
) -> None:
    with zipfile.ZipFile(packages["latest"]) as package:
        names = package.namelist()
    assert "collection.anki21b" in names
    if _has_zstd():
        parsed = parse_file(packages["latest"], display="deck.apkg")
        assert [(d.question.title, d.question.answer) for d in parsed.drafts] == EXPECTED
    else:
        with pytest.raises(MlcoachError, match="Support older Anki versions"):
            parse_file(packages["latest"], display="deck.apkg")


def test_a_broken_package_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(MlcoachError, match=r"bad.apkg: not an Anki package"):
        parse_file(bad, display="bad.apkg")
    empty = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty, "w") as package:
        package.writestr("media", "{}")
    with pytest.raises(MlcoachError, match="no Anki collection"):
        parse_file(empty, display="empty.apkg")
    garbage = tmp_path / "garbage.apkg"
    with zipfile.ZipFile(garbage, "w") as package:
        package.writestr("collection.anki2", b"this is not sqlite" * 100)
    with pytest.raises(MlcoachError, match="not a readable Anki collection"):
        parse_file(garbage, display="garbage.apkg")
