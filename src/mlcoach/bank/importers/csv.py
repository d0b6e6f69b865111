"""CSV (or TSV) with a question and an answer per row, optionally key points and topics."""

from __future__ import annotations

import csv
import io
import re

from mlcoach.bank.importers.common import Parsed, clean_title, finish, slugify
from mlcoach.bank.importers.fragments import sanitize_markdown, sanitize_title
from mlcoach.domain import KeyPoint, Kind, Question

COLUMNS = {
    "question": {"question", "questions", "q", "prompt", "front", "title"},
    "answer": {"answer", "answers", "a", "back", "reference", "model answer", "response"},
    "key_points": {"key points", "keypoints", "key point", "points", "rubric"},
    "topics": {"topic", "topics", "category", "categories", "tag", "tags"},
}
_SPLIT_POINTS = re.compile(r"\s*(?:\n|;|\|)\s*")
_SPLIT_TOPICS = re.compile(r"[,;|]")


def parse_csv(text: str, *, path: str) -> Parsed:
    parsed = Parsed()
    text = text.removeprefix("\ufeff")
    if not text.strip():
        parsed.warn(path, 1, "empty file")
        return parsed
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    columns: dict[str, int] | None = None
    line = 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                columns = _header(row, path=path, line=start, parsed=parsed)
                if columns is not None:
                    continue
                columns = {"question": 0, "answer": 1, "key_points": 2, "topics": 3}
            _row(row, columns, path=path, line=start, parsed=parsed)
    except csv.Error as exc:
        parsed.warn(path, line, f"cannot read the rest of the file as CSV: {exc}")
    return parsed


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _header(row: list[str], *, path: str, line: int, parsed: Parsed) -> dict[str, int] | None:
    """Column positions when the row is a header naming at least the question column."""
    names = [" ".join(re.findall(r"[a-z]+", cell.lower())) for cell in row]
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, name in enumerate(names):
        column = next((c for c, names in COLUMNS.items() if name in names), None)
        if column is not None and column not in found:
            found[column] = index
        elif name:
            unknown.append(row[index].strip())
    if "question" not in found:
        if found:
            parsed.warn(path, line, "header has no question column: rows read by position")
        return None
    for name in unknown:
        parsed.warn(path, line, f"unknown column {name!r}: ignored")
    return found


def _row(row: list[str], columns: dict[str, int], *, path: str, line: int, parsed: Parsed) -> None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    title = clean_title(sanitize_title(cell("question")))
    if not title:
        parsed.warn(path, line, "row with no question: skipped")
        return
    points = tuple(
        KeyPoint(p.removeprefix("!").strip(), essential=p.startswith("!"))
        for p in _SPLIT_POINTS.split(cell("key_points"))
        if p.strip("! ")
    )
    topics = tuple(dict.fromkeys(t for t in map(slugify, _SPLIT_TOPICS.split(cell("topics"))) if t))
    question = Question(
        id="",
        title=title,
        kind=Kind.CONCEPT,
        topics=topics,
        answer=sanitize_markdown(cell("answer").replace("\r\n", "\n")),
        key_points=points,
    )
    parsed.drafts.append(finish(question, path=path, line=line))
