"""Find `##` sections, bullets and formulas in a Markdown body, outside code."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?=[^\s$])(.+?)(?<=[^\s\\])\$(?![\d$])")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.S)


@dataclass(frozen=True)
class Section:
    title: str
    line: int  # file line of the heading
    text: str
    first_line: int  # file line of the first content line


@dataclass(frozen=True)
class Bullet:
    text: str
    line: int


def code_mask(lines: list[str]) -> list[bool]:
    """True for each line inside (or delimiting) a fenced code block."""
    mask, fence = [], ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            mask.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
            mask.append(True)
        else:
            mask.append(False)
    return mask


def split_sections(body: str, first_line: int) -> tuple[str, list[Section]]:
    """Return the text before the first `##` heading and the sections in order."""
    lines = body.split("\n")
    in_code = code_mask(lines)
    starts = [
        (i, m.group(1))
        for i, line in enumerate(lines)
        if not in_code[i] and (m := _HEADING.match(line))
    ]
    preamble = "\n".join(lines[: starts[0][0]] if starts else lines)
    sections = []
    for n, (i, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        content = lines[i + 1 : end]
        skipped = next((k for k, line in enumerate(content) if line.strip()), len(content))
        text = "\n".join(content[skipped:]).rstrip()
        sections.append(Section(title, first_line + i, text, first_line + i + 1 + skipped))
    return preamble, sections


def bullets(section: Section) -> tuple[list[Bullet], list[int]]:
    """Top-level bullets of a section (continuation lines joined) and lines that are not."""
    found: list[Bullet] = []
    stray: list[int] = []
    for i, line in enumerate(section.text.split("\n")):
        lineno = section.first_line + i
        match = _BULLET.match(line)
        if match:
            found.append(Bullet(match.group(1).strip(), lineno))
        elif line.strip() and line[:1].isspace() and found:
            last = found[-1]
            found[-1] = Bullet(f"{last.text} {line.strip()}", last.line)
        elif line.strip():
            stray.append(lineno)
    return found, stray


def formulas(text: str, first_line: int) -> list[tuple[str, int]]:
    """Every `$...$` and `$$...$$` formula outside code, with its file line."""
    lines = text.split("\n")
    in_code = code_mask(lines)
    kept = "\n".join("" if in_code[i] else _blank_code_spans(line) for i, line in enumerate(lines))
    found: list[tuple[str, int]] = []
    for match in _DISPLAY_MATH.finditer(kept):
        found.append((match.group(1).strip(), first_line + kept.count("\n", 0, match.start())))
    without_display = _DISPLAY_MATH.sub(lambda m: " " * len(m.group(0)), kept)
    for match in _INLINE_MATH.finditer(without_display):
        line = first_line + without_display.count("\n", 0, match.start())
        found.append((match.group(1).strip(), line))
    return sorted(found, key=lambda item: item[1])


def _blank_code_spans(line: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def word_count(text: str) -> int:
    return len(re.findall(r"[\w$\\][\w'’\-./$\\^{}]*", text))
