"""One question in the SPEC §3 file format, read leniently (what `export md` writes).

The built-in bank's checks (word counts, known topics and concepts) do not apply to a
user's deck: a bad field becomes a warning and its default, never a rejected file.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, TypeVar

import yaml

from mlcoach.bank.frontmatter import Document
from mlcoach.bank.importers.common import Parsed, clean_title, finish
from mlcoach.bank.importers.fragments import sanitize_markdown
from mlcoach.bank.sections import Section, bullets, split_sections
from mlcoach.domain import KeyPoint, Kind, Level, Question, Role

SECTIONS = {
    "Answer": "answer",
    "Key points": "key_points",
    "Red flags": "red_flags",
    "Why it's asked": "why_asked",
    "Answer framework": "framework",
    "Follow-ups": "follow_up_prompts",
}
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
E = TypeVar("E", bound=StrEnum)


def looks_like_spec(text: str) -> bool:
    """Front matter with a `title:` line, and an `## Answer` section after it."""
    split = _split(text)
    if split is None:
        return False
    raw, body, _ = split
    return bool(re.search(r"^title[ \t]*:", raw, re.M)) and bool(
        re.search(r"^##[ \t]+Answer[ \t]*$", body, re.M)
    )


def parse_spec(text: str, *, path: str) -> Parsed | None:
    """The file's one question; None when its front matter is not a YAML mapping."""
    parsed = Parsed()
    doc = _document(text, path)
    if doc is None:
        return None
    meta = _Meta(doc, parsed)
    title = clean_title(str(doc.meta.get("title", "") or ""))
    if not title:
        parsed.warn(path, doc.line_of("title"), "empty title: file skipped")
        return parsed
    body = _sections(doc, parsed)
    raw_id = str(doc.meta.get("id", "") or "")
    slug = raw_id if _SLUG.match(raw_id) else ""
    if raw_id and not slug:
        parsed.warn(path, doc.line_of("id"), f"id {raw_id!r} is not a slug: made from the title")
    question = Question(
        id=slug,
        title=title,
        kind=meta.choice("kind", Kind, Kind.CONCEPT),
        topics=meta.strings("topics"),
        roles=meta.choices("roles", Role),
        level=meta.choice("level", Level, Level.MID),
        minutes=meta.minutes(),
        concepts=meta.strings("concepts"),
        follow_ups=meta.strings("follow_ups"),
        sources=meta.strings("sources"),
        **body,
    )
    parsed.drafts.append(finish(question, path=path, line=1))
    return parsed


def _split(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, file line of the body) of a file starting with '---'."""
    if not text.startswith("---"):
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return None
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :]), end + 2


def _document(text: str, path: str) -> Document | None:
    split = _split(text)
    if split is None:
        return None
    raw, body, body_line = split
    try:
        meta = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    if not isinstance(meta, dict):
        return None
    key_lines = {
        m.group(1): i + 2 for i, line in enumerate(raw.split("\n")) if (m := _KEY.match(line))
    }
    return Document(path, {str(k): v for k, v in meta.items()}, key_lines, body, body_line)


class _Meta:
    def __init__(self, doc: Document, parsed: Parsed) -> None:
        self.doc = doc
        self.parsed = parsed

    def _warn(self, key: str, message: str) -> None:
        self.parsed.warn(self.doc.path, self.doc.line_of(key), message)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.doc.meta.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self._warn(key, f"'{key}' should be a list: ignored")
            return ()
        return tuple(str(v).strip() for v in value if v is not None and str(v).strip())

    def choice(self, key: str, enum: type[E], default: E) -> E:
        value = self.doc.meta.get(key)
        if value is None:
            return default
        try:
            return enum(str(value).strip().lower())
        except ValueError:
            self._warn(key, f"unknown {key} {value!r}: used {default.value!r}")
            return default

    def choices(self, key: str, enum: type[E]) -> tuple[E, ...]:
        found: list[E] = []
        for value in self.strings(key):
            try:
                found.append(enum(value.lower()))
            except ValueError:
                self._warn(key, f"unknown {key[:-1]} {value!r}: ignored")
        return tuple(found)

    def minutes(self) -> int:
        value: Any = self.doc.meta.get("minutes", 3)
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 600:
            return value
        self._warn("minutes", f"minutes {value!r} is not a whole number of minutes: used 3")
        return 3


def _sections(doc: Document, parsed: Parsed) -> dict[str, Any]:
    _, sections = split_sections(doc.body, doc.body_line)
    body: dict[str, Any] = {}
    for section in sections:
        name = SECTIONS.get(section.title)
        if name is None:
            parsed.warn(doc.path, section.line, f"unknown section '## {section.title}': ignored")
        elif name in body:
            parsed.warn(doc.path, section.line, f"section '## {section.title}' twice: ignored")
        elif name == "key_points":
            body[name] = _key_points(section)
        elif name in ("red_flags", "follow_up_prompts"):
            body[name] = tuple(b.text for b in bullets(section)[0] if b.text)
        else:
            body[name] = sanitize_markdown(section.text.strip())
    return body


def _key_points(section: Section) -> tuple[KeyPoint, ...]:
    points = []
    for bullet in bullets(section)[0]:
        text = bullet.text.removeprefix("!").strip()
        if text:
            points.append(KeyPoint(text, essential=bullet.text.startswith("!")))
    return tuple(points)
