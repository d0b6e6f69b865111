"""Saved web pages of questions: sanitised with nh3, reduced to Markdown, then read by the
same rules as a Markdown page (headings, numbered items, <details>/<summary>, Q:/A:).
"""

from __future__ import annotations

import re

from mlcoach.bank.importers.common import Parsed, ParseWarning, decode
from mlcoach.bank.importers.htmltext import page_to_markdown
from mlcoach.bank.importers.markdown import parse_markdown

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def parse_html_bytes(data: bytes, *, path: str) -> Parsed:
    parsed = Parsed()
    text = _decode(data, path=path, parsed=parsed)
    result = parse_html(text, path=path)
    result.warnings[:0] = parsed.warnings
    return result


def parse_html(text: str, *, path: str) -> Parsed:
    markdown, lines = page_to_markdown(text)
    return parse_markdown(markdown, path=path, line_map=lines or [1])


def _decode(data: bytes, *, path: str, parsed: Parsed) -> str:
    """The page's declared charset when it names one Python knows, else UTF-8."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        if name not in ("utf-8", "utf8"):
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                parsed.warnings.append(
                    ParseWarning(path, 1, f"cannot decode as the declared charset {name!r}")
                )
    return decode(data, path=path, parsed=parsed)
