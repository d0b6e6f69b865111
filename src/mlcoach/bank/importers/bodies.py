"""Turning the lines under a question into its answer: clean-up, <details> blocks,
multiple-choice options.
"""

from __future__ import annotations

import re
import textwrap

from mlcoach.bank.importers.common import clean_title
from mlcoach.domain import KeyPoint

_TRAILING_NOISE = re.compile(
    r"^\s*(?:[-*_] *){3,}$|^\s*(?:\*\*|__)?\[[^\]]*\]\(#[^)]*\)(?:\*\*|__)?\s*$"
    r"|^\s*[↑⬆^]?\s*(?:back to top|top)\s*[↑⬆]?\s*$",
    re.I,
)


def front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for k in range(1, min(len(lines), 200)):
            if lines[k].strip() in ("---", "..."):
                return k + 1
    return 0


def details_block(
    lines: list[str], i: int, hidden: list[bool]
) -> tuple[int, str | None, list[str]]:
    """(closing line index or -1, summary text, inner Markdown lines) of a <details> block."""
    depth, end = 0, -1
    for k in range(i, len(lines)):
        if hidden[k]:
            continue
        depth += len(re.findall(r"<details\b", lines[k], re.I))
        depth -= len(re.findall(r"</details\s*>", lines[k], re.I))
        if depth <= 0:
            end = k
            break
    block = "\n".join(lines[i : (end if end >= 0 else len(lines) - 1) + 1])
    block = re.sub(r"^\s*<details\b[^>]*>", "", block, count=1, flags=re.I)
    block = re.sub(r"</details\s*>\s*$", "", block, count=1, flags=re.I)
    summary = None
    found = re.search(r"<summary\b[^>]*>(.*?)</summary\s*>", block, re.I | re.S)
    if found:
        summary = " ".join(found.group(1).split())
        block = block[: found.start()] + block[found.end() :]
    return end, summary, textwrap.dedent(block).split("\n")


def clean_body(body: list[str]) -> list[str]:
    text = textwrap.dedent("\n".join(body))
    rows = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).split("\n")
    while rows and (not rows[-1].strip() or _TRAILING_NOISE.match(rows[-1])):
        rows.pop()
    while rows and not rows[0].strip():
        rows.pop(0)
    return rows


def first_paragraph(body: list[str]) -> tuple[str, list[str]]:
    end = next((k for k, row in enumerate(body) if not row.strip()), len(body))
    return " ".join(row.strip() for row in body[:end]), clean_body(body[end:])


def choices(
    title: str, answer: str, options: list[tuple[bool, str]]
) -> tuple[str, str, tuple[KeyPoint, ...]]:
    """A multiple-choice item: options in the prompt, the right ones as key points."""
    texts = [clean_title(text) for _, text in options]
    right = [t for (ok, _), t in zip(options, texts, strict=True) if ok]
    prompt = f"{title} Options: {'; '.join(texts)}."
    lines = [f"Correct: {'; '.join(right)}." if right else ""]
    if answer:
        lines += ["", answer]
    points = tuple(KeyPoint(t, essential=True) for t in right)
    return prompt, "\n".join(lines).strip(), points
