"""Importers: a user's own Markdown, HTML, CSV and Anki files turned into questions.

Each parser is pure: it takes a file's content and returns drafts and warnings (with line
numbers); storing them is the job of mlcoach.transfer.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from mlcoach.bank.importers.common import Draft, Parsed, ParseWarning, decode
from mlcoach.errors import MlcoachError


class Format(StrEnum):
    AUTO = "auto"
    MD = "md"
    HTML = "html"
    CSV = "csv"
    APKG = "apkg"


EXTENSIONS = {
    ".md": Format.MD,
    ".markdown": Format.MD,
    ".mdown": Format.MD,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".csv": Format.CSV,
    ".tsv": Format.CSV,
    ".apkg": Format.APKG,
}


def detect(path: Path, head: bytes) -> Format:
    """The format of a file: by its extension, else by its first bytes."""
    by_name = EXTENSIONS.get(path.suffix.lower())
    if by_name is not None:
        return by_name
    if head.startswith(b"PK\x03\x04"):
        return Format.APKG
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return Format.HTML
    return Format.MD


def files_in(folder: Path, fmt: Format) -> list[Path]:
    """Importable files under a folder (recursively, hidden ones skipped), sorted."""
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        kind = EXTENSIONS.get(path.suffix.lower())
        if kind is not None and (fmt is Format.AUTO or kind is fmt):
            found.append(path)
    return found


def parse_file(path: Path, fmt: Format = Format.AUTO, *, display: str | None = None) -> Parsed:
    """Drafts and warnings of one file; an unreadable file raises MlcoachError."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise MlcoachError(f"cannot read {name}: {exc.strerror}") from None
    if fmt is Format.AUTO:
        fmt = detect(path, head)
    if fmt is Format.APKG:
        from mlcoach.bank.importers.apkg import parse_apkg

        return parse_apkg(path, display=name)
    data = path.read_bytes()
    if fmt is Format.HTML:
        from mlcoach.bank.importers.html import parse_html_bytes

        return parse_html_bytes(data, path=name)
    parsed = Parsed()
    text = decode(data, path=name, parsed=parsed)
    if fmt is Format.CSV:
        from mlcoach.bank.importers.csv import parse_csv

        result = parse_csv(text, path=name)
    else:
        from mlcoach.bank.importers.markdown import parse_markdown

        result = parse_markdown(text, path=name)
    result.warnings[:0] = parsed.warnings
    return result


__all__ = [
    "EXTENSIONS",
    "Draft",
    "Format",
    "ParseWarning",
    "Parsed",
    "detect",
    "files_in",
    "parse_file",
]
