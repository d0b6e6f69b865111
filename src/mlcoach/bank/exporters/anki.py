"""Questions to an Anki package with genanki.

Ids are ours and stable: the note type and deck ids come from fixed names, each note's
guid from the question id, so importing a newer export into Anki updates the notes
instead of adding copies.
"""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path
from typing import Any

from mlcoach.bank.exporters import key_points_of
from mlcoach.bank.exporters.render import inline_html, to_html
from mlcoach.domain import Question

MODEL_NAME = "mlcoach question"
FIELDS = ("Prompt", "Answer", "Key points", "Red flags", "Id")
FRONT = '<div class="prompt">{{Prompt}}</div>'
BACK = """{{FrontSide}}
<hr id="answer">
<div class="answer">{{Answer}}{{^Answer}}<i>(no answer yet)</i>{{/Answer}}</div>
{{#Key points}}<div class="section"><h4>Key points</h4>{{Key points}}</div>{{/Key points}}
{{#Red flags}}<div class="section flags"><h4>Red flags</h4>{{Red flags}}</div>{{/Red flags}}
"""
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; max-width: 46em;
  margin: 0 auto; line-height: 1.45; }
.prompt { font-weight: bold; }
.section h4 { margin: 1em 0 .3em; }
.flags li { color: #b3261e; }
.derived { color: #777; font-size: 80%; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 2px 6px; }
"""


def stable_id(name: str) -> int:
    """A deterministic Anki id for a name, in the range Anki and genanki expect."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def deck_title(deck: str | None) -> str:
    return "mlcoach" if deck is None else f"mlcoach::{deck}"


def tags_of(question: Question) -> list[str]:
    tags = [f"topic::{t}" for t in question.topics]
    tags += [f"kind::{question.kind.value}", f"level::{question.level.value}"]
    tags += [f"role::{r.value}" for r in question.roles]
    return [t.replace(" ", "-") for t in tags]


def fields_of(question: Question) -> list[str]:
    points = key_points_of(question)
    derived = bool(points) and all(p.derived for p in points)
    items = "".join(f"<li>{'★ ' if p.essential else ''}{inline_html(p.text)}</li>" for p in points)
    key_points = ""
    if items:
        if derived:
            key_points = (
                f'<p class="derived">derived from the answer</p><ul class="derived">{items}</ul>'
            )
        else:
            key_points = f"<ul>{items}</ul>"
    flags = "".join(f"<li>{inline_html(r)}</li>" for r in question.red_flags)
    return [
        inline_html(question.title),
        to_html(question.answer) if question.answer.strip() else "",
        key_points,
        f"<ul>{flags}</ul>" if flags else "",
        escape(question.id),
    ]


def build_package(questions: list[Question], *, deck: str | None) -> Any:
    import genanki  # type: ignore[import-untyped]

    model = genanki.Model(
        stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    anki_deck = genanki.Deck(stable_id(f"deck:{deck_title(deck)}"), deck_title(deck))
    for question in questions:
        anki_deck.add_note(
            genanki.Note(
                model=model,
                fields=fields_of(question),
                guid=genanki.guid_for(question.id),
                tags=tags_of(question),
            )
        )
    return genanki.Package(anki_deck)


def write_apkg(
    questions: list[Question], out: Path, *, deck: str | None, timestamp: float | None = None
) -> None:
    """Write the package next to `out` first, then move it into place. `timestamp` (seconds,
    default now) dates the notes: Anki updates a note when the import is newer."""
    package = build_package(questions, deck=deck)
    partial = out.with_name(out.name + ".partial")
    package.write_to_file(str(partial), timestamp=timestamp)
    partial.replace(out)
