"""Markdown to HTML for Anki cards: raw HTML escaped, $maths$ handed to Anki's MathJax."""

from __future__ import annotations

import re
from functools import cache
from html import escape
from typing import Any

_SPANS = re.compile(
    r"(?P<code>^ {0,3}(?P<f>`{3,}|~{3,})[\s\S]*?^ {0,3}(?P=f)[ \t]*$|(?P<t>`+)[^`]*?(?P=t))"
    r"|\$\$(?P<display>[\s\S]+?)\$\$"
    r"|(?<![\\$\w])\$(?P<inline>[^\s$](?:[^$\n]*?[^\s\\$])?)\$(?![\d$])",
    re.M,
)


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def to_html(markdown: str) -> str:
    """Block Markdown as HTML; maths as \\( \\) and \\[ \\] for Anki's MathJax."""
    text, maths = _protect(markdown)
    return _restore(str(_parser().render(text)), maths).strip()


def inline_html(markdown: str) -> str:
    text, maths = _protect(markdown)
    return _restore(str(_parser().renderInline(text)), maths).strip()


def _protect(markdown: str) -> tuple[str, list[str]]:
    maths: list[str] = []

    def swap(match: re.Match[str]) -> str:
        if match.group("code"):
            return match.group(0)
        if match.group("display") is not None:
            maths.append(f"\\[{escape(match.group('display').strip(), quote=False)}\\]")
        else:
            maths.append(f"\\({escape(match.group('inline'), quote=False)}\\)")
        return f"MLCMATH{len(maths) - 1}X"

    return _SPANS.sub(swap, markdown), maths


def _restore(html: str, maths: list[str]) -> str:
    return re.sub(r"MLCMATH(\d+)X", lambda m: maths[int(m.group(1))], html)
