"""Questions to one JSON document (every field of each question, key points included)."""

from __future__ import annotations

import json
from pathlib import Path

from mlcoach.bank.exporters import key_points_of
from mlcoach.domain import Question

FORMAT = "mlcoach-questions"


def to_document(questions: list[Question], *, deck: str | None) -> dict[str, object]:
    items = []
    for question in questions:
        data = question.to_dict()
        data["key_points"] = [p.to_dict() for p in key_points_of(question)]
        items.append(data)
    return {"format": FORMAT, "version": 1, "deck": deck, "questions": items}


def write_json(questions: list[Question], out: Path, *, deck: str | None) -> None:
    partial = out.with_name(out.name + ".partial")
    text = json.dumps(to_document(questions, deck=deck), indent=2, ensure_ascii=False)
    partial.write_text(text + "\n", encoding="utf-8")
    partial.replace(out)
