"""What every importer shares: drafts, warnings, text clean-up, keys and slugs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property

from mlcoach.bank.problem import Problem
from mlcoach.domain import Question
from mlcoach.errors import MlcoachError

MAX_BYTES = 64 * 1024 * 1024  # one file; a bigger "page" is almost surely not one
MAX_TITLE = 500
SLUG_LENGTH = 60

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BARE_URL = re.compile(r"https?://[^\s)>\]]+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_TAG = re.compile(r"(?<!\\)</?[A-Za-z][^>]{0,500}>")
_KEY_PUNCTUATION = re.compile(r"[\s\"'“”‘’«»()\[\]{}?!¿¡.,:;*_`~…\-–—/\\|]+")
_NUMBERING = re.compile(  # "1.", "2)", "Q3:", "Question 4 -", full-width "Ｑ１："
    r"^(?:(?:[QＱ]|Question)\s*[#＃]?\d{0,6}\s*[:.)：．）]|[#＃]?\d{1,6}\s*[.):．）：]|\(\d{1,6}\))\s*",
    re.I,
)


# A rejected or doubtful piece of an input file: the same `path:line: message` shape as a
# problem found by `bank check`.
ParseWarning = Problem


@dataclass(frozen=True)
class Draft:
    """A question found in a file; `question.id` is a preferred slug or empty."""

    question: Question
    path: str
    line: int
    link_only: bool = False  # its answer was only a link (kept in sources)

    @cached_property
    def key(self) -> str:
        return question_key(self.question.title)

    @cached_property
    def content_hash(self) -> str:
        """What makes a question 'the same' in a deck: its normalised title."""
        return hashlib.sha256((self.key or self.question.title).encode("utf-8")).hexdigest()

    @property
    def needs_answer(self) -> bool:
        return needs_answer(self.question)


@dataclass
class Parsed:
    """Everything one file gave: its questions in order and its warnings."""

    drafts: list[Draft] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def warn(self, path: str, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(path, line, message))

    def extend(self, other: Parsed) -> None:
        self.drafts += other.drafts
        self.warnings += other.warnings


def needs_answer(question: Question) -> bool:
    """No model answer and no key points: the user has to write one before grading."""
    return not question.answer.strip() and not question.key_points


def decode(data: bytes, *, path: str, parsed: Parsed) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with BOM); otherwise Windows-1252, warned."""
    if len(data) > MAX_BYTES:
        raise MlcoachError(f"{path}: {len(data) // 2**20} MiB is too big to import (max 64 MiB)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        parsed.warn(path, line, "not valid UTF-8 from this line on: read as Windows-1252")
        return data.decode("cp1252", errors="replace")


def plain_inline(text: str, *, tags: bool = False) -> str:
    """Inline Markdown reduced to its words: links to their text, no emphasis (and no
    HTML tags unless `tags`)."""
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    if not tags:
        text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis (***x***)
        text = _EMPHASIS.sub(lambda m: m.group(2), text)
    return re.sub(r"\s+", " ", text).strip()


def clean_title(text: str) -> str:
    """A question's prompt as plain text: no numbering, emphasis or closing hashes."""
    # Plain text: real tags were sanitised away before; what is left ("x \\< y") is text.
    text = plain_inline(unicodedata.normalize("NFC", text), tags=True).replace("\\<", "<")
    text = re.sub(r"\s+#+\s*$", "", text)
    for _ in range(2):  # "Q1: 3. What ..."
        text = _NUMBERING.sub("", text, count=1).strip()
    text = text.strip(" \t*_").strip()
    if len(text) > MAX_TITLE:
        text = text[: MAX_TITLE - 1].rstrip() + "…"
    return text


def question_key(title: str) -> str:
    """Duplicate key: Unicode-normalised, case-folded words of the title, not its number."""
    text = unicodedata.normalize("NFKC", clean_title(title)).casefold()
    return " ".join(_KEY_PUNCTUATION.sub(" ", text).split())


def slugify(text: str, *, length: int = SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by '-', cut at a word boundary; '' if none."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > length:
            break
        slug = candidate
    return slug or (words[0][:length] if words else "")


def fallback_slug(title: str) -> str:
    """A slug for a title with no ASCII words (e.g. all CJK)."""
    return "q-" + hashlib.sha256(question_key(title).encode("utf-8")).hexdigest()[:10]


def links_of(text: str) -> tuple[str, ...]:
    """The http(s) URLs a piece of Markdown points to, in order, once each."""
    found = [m.group(2) for m in _LINK.finditer(text)] + _BARE_URL.findall(text)
    return tuple(dict.fromkeys(u for u in found if u.startswith(("http://", "https://"))))


def is_link_only(answer: str) -> bool:
    """An 'answer' that is only links (and words like 'see'): no answer at all."""
    if not links_of(answer) and not _LINK.search(answer):
        return False
    rest = _LINK.sub(" ", answer)
    rest = _BARE_URL.sub(" ", rest)
    rest = re.sub(
        r"\b(?:see|read|answer|here|link|at|in|the|this|post|article)\b", " ", rest, flags=re.I
    )
    return not re.search(r"\w", rest)


def demote_headings(markdown: str) -> str:
    """Headings inside an answer start at level 3, so a SPEC §3 file keeps its sections."""
    lines = markdown.split("\n")
    fence = ""
    found: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        marker = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
        elif marker:
            fence = marker.group(1)
        elif heading := re.match(r"^(#{1,6})(?=[ \t]|$)", line):
            found.append((i, len(heading.group(1))))
    shift = 3 - min((level for _, level in found), default=3)
    if shift <= 0:
        return markdown
    for i, level in found:
        lines[i] = "#" * min(6, level + shift) + lines[i][level:]
    return "\n".join(lines)


def finish(question: Question, *, path: str, line: int) -> Draft:
    """A draft with a usable answer, or none: a links-only answer becomes its sources."""
    answer = demote_headings(question.answer.strip())
    link_only = bool(answer) and is_link_only(answer)
    sources = question.sources
    if link_only:
        sources = tuple(dict.fromkeys(sources + links_of(answer)))
        answer = ""
    points = tuple(replace(p, text=" ".join(p.text.split())) for p in question.key_points)
    flags = tuple(" ".join(r.split()) for r in question.red_flags if r.strip())
    question = replace(question, answer=answer, sources=sources, key_points=points, red_flags=flags)
    return Draft(question, path, line, link_only=link_only)
