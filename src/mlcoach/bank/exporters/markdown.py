"""Questions to SPEC §3 Markdown files, one per question, that import back unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mlcoach.domain import Question

SECTIONS = ("Answer", "Key points", "Red flags", "Why it's asked", "Answer framework", "Follow-ups")


def question_file(question: Question) -> str:
    """The file text. Derived key points are left out: importing derives them again."""
    slug = question.id.rsplit("/", 1)[-1]
    meta: list[tuple[str, Any]] = [
        ("id", slug),
        ("title", question.title),
        ("kind", question.kind.value),
        ("topics", list(question.topics)),
        ("roles", [r.value for r in question.roles]),
        ("level", question.level.value),
        ("minutes", question.minutes),
        ("concepts", list(question.concepts)),
        ("follow_ups", list(question.follow_ups)),
        ("sources", list(question.sources)),
    ]
    lines = ["---", *(_field(k, v) for k, v in meta), "---"]
    points = [p for p in question.key_points if not p.derived]
    bodies = {
        "Answer": question.answer,
        "Key points": "\n".join(f"- {'! ' if p.essential else ''}{p.text}" for p in points),
        "Red flags": "\n".join(f"- {r}" for r in question.red_flags),
        "Why it's asked": question.why_asked,
        "Answer framework": question.framework,
        "Follow-ups": "\n".join(f"- {f}" for f in question.follow_up_prompts),
    }
    for title in SECTIONS:
        lines.append(f"## {title}")
        if bodies[title].strip():
            lines += [bodies[title].strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def _field(key: str, value: Any) -> str:
    dumped = yaml.safe_dump(
        {key: value},
        allow_unicode=True,
        default_flow_style=isinstance(value, list),
        sort_keys=False,
        width=1_000_000,
    )
    text = dumped.strip()
    return text[1:-1] if text.startswith("{") else text


def write_markdown(questions: list[Question], folder: Path) -> list[Path]:
    """One file per question under folder/<first topic>/ (or folder/ without a topic)."""
    written = []
    for question in questions:
        sub = folder / question.topics[0] if question.topics else folder
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{question.id.rsplit('/', 1)[-1]}.md"
        partial = path.with_name(path.name + ".partial")
        partial.write_text(question_file(question), encoding="utf-8")
        partial.replace(path)
        written.append(path)
    return written
