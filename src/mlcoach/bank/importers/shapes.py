"""The shapes of lines in a Markdown Q&A page: headings, numbered and bold questions, Q:/A:
prefixes, options, and the regions (code, display maths, comments) that are never structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlcoach.bank.importers.common import clean_title, plain_inline

HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
NUMBERED = re.compile(r"^ ?(?:\*\*|__)?(\d{1,6})[.)](?:\*\*|__)?[ \t]+(\S.*)$")
BULLET = re.compile(r"^ ?[-*+][ \t]+(?!\[[ xX]\][ \t])(\S.*)$")
TASK = re.compile(r"^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]+(.*\S)[ \t]*$")
Q_PREFIX = re.compile(
    r"^ {0,3}(?:\*\*|__)?[ \t]*(?:Q|Question)[ \t]*#?\d{0,6}[ \t]*[:.)](?:\*\*|__)?[ \t]*(.*)$",
    re.I,
)
A_PREFIX = re.compile(
    r"^[ \t]*(?:\*\*|__)?[ \t]*(?:A|Ans|Answer)[ \t]*\d{0,6}[ \t]*[:.)](?:\*\*|__)?[ \t]*(.*)$",
    re.I,
)
BOLD_LINE = re.compile(r"^ {0,3}(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*:?[ \t]*$")
BOLD_QUESTION_THEN_ANSWER = re.compile(r"^ {0,3}(\*\*|__)(?=\S)(.+?\?)\1[ \t]+(\S.*)$")
INLINE_ANSWER = re.compile(r"\s(?:\*\*|__)?(?:A|Answer)\s*:(?:\*\*|__)?\s+(?=\S)")
LINK_ITEM = re.compile(  # a list item that is only a link: a table of contents entry
    r"^[ \t]*(?:[-*+]|\d{1,6}[.)])[ \t]+(?:\*\*|__)?"
    r"\[[^\]]*\]\(([^)\s]*)[^)]*\)(?:\*\*|__)?[ \t]*$"
)
DETAILS = re.compile(r"^ {0,3}<details\b", re.I)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
TOC_TITLES = {"table of contents", "contents", "toc", "content", "index", "outline"}
GENERIC_SUMMARIES = {
    "answer", "answers", "show answer", "see answer", "reveal answer", "click for answer",
    "solution", "show solution", "explanation", "show", "reveal", "expand", "click to expand",
    "click here", "details", "hint", "more", "read more", "code", "example", "a",
}  # fmt: skip
IMPERATIVES = {
    "explain", "describe", "define", "compare", "contrast", "derive", "discuss",
    "differentiate", "distinguish", "outline", "summarise", "summarize", "walk", "tell",
    "give", "name", "state", "implement", "write", "prove", "design", "justify", "argue",
}  # fmt: skip
_QUESTION_END = re.compile(r"[?？][\s\"'”’)\]*_`]*$")


@dataclass(frozen=True)
class Masks:
    """Lines that are code, display maths or comments, and fences never closed."""

    hidden: list[bool]
    unclosed: list[int]  # 0-based line indexes of openers never closed


def question_like(text: str) -> bool:
    """Shaped like a question: ends with '?' or is an imperative ('Explain ...') of 3+ words."""
    plain = clean_title(text)
    if _QUESTION_END.search(plain):
        return True
    words = plain.split()
    return len(words) >= 3 and words[0].lower().strip(",:*_") in IMPERATIVES


def is_toc_title(text: str) -> bool:
    return " ".join(re.findall(r"\w+", plain_inline(text).lower())) in TOC_TITLES


def is_generic_summary(text: str) -> bool:
    plain = " ".join(re.findall(r"\w+", plain_inline(text).lower()))
    return plain in GENERIC_SUMMARIES or not plain


def masks(lines: list[str], *, start: int = 0) -> Masks:
    """Mark fenced code, $$ / \\[ display blocks and multi-line comments from `start` on."""
    hidden = [i < start for i in range(len(lines))]
    unclosed: list[int] = []
    i = start
    while i < len(lines):
        end = _region_end(lines, i)
        if end is None:
            i += 1
            continue
        stop = len(lines) - 1 if end < 0 else end
        if end < 0:
            unclosed.append(i)
        for k in range(i, stop + 1):
            hidden[k] = True
        i = stop + 1
    return Masks(hidden, unclosed)


def _region_end(lines: list[str], i: int) -> int | None:
    """If line i opens a region, the index of its closing line (-1: never closed)."""
    line = lines[i]
    fence = FENCE.match(line)
    if fence:
        mark = fence.group(1)
        for k in range(i + 1, len(lines)):
            close = FENCE.match(lines[k])
            if (
                close
                and close.group(1)[0] == mark[0]
                and len(close.group(1)) >= len(mark)
                and not lines[k].strip().lstrip(mark[0])
            ):
                return k
        return -1
    stripped = line.strip()
    for opener, closer in (("$$", "$$"), ("\\[", "\\]"), ("<!--", "-->")):
        if stripped.startswith(opener) and closer not in stripped[len(opener) :]:
            for k in range(i + 1, len(lines)):
                if closer in lines[k]:
                    return k
            return -1
    return None
