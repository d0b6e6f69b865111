"""Markdown to safe HTML (tables, MathML formulas, highlighted code) and answer highlighting."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline

_INLINE_MATH = re.compile(r"\$(?=[^\s$])(.+?)(?<=[^\s\\])\$(?![\d$])", re.S)


def markdown(text: str) -> Markup:
    """Render Markdown; raw HTML in the source is escaped, never passed through."""
    return Markup(_render(text or ""))


@lru_cache(maxsize=4096)
def _render(text: str) -> str:
    return str(_parser().render(text))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "highlight": highlight_code})
    md.enable(["table", "strikethrough"])
    md.inline.ruler.before("text", "math", _math_rule)
    md.add_render_rule("math_inline", lambda *a: _math_html(a[1][a[2]].content, display=False))
    md.add_render_rule("math_block", lambda *a: _math_html(a[1][a[2]].content, display=True))
    return md


def _math_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "$":
        return False
    if src.startswith("$$", pos):
        end = src.find("$$", pos + 2)
        if end < 0 or not src[pos + 2 : end].strip():
            return False
        content, new_pos, kind = src[pos + 2 : end], end + 2, "math_block"
    else:
        match = _INLINE_MATH.match(src, pos)
        if match is None:
            return False
        content, new_pos, kind = match.group(1), match.end(), "math_inline"
    if not silent:
        token = state.push(kind, "math", 0)
        token.content = content.strip()
    state.pos = new_pos
    return True


def _math_html(tex: str, *, display: bool) -> str:
    from mlcoach.bank.formulas import to_mathml

    try:
        return to_mathml(tex, display=display)
    except ValueError:
        return f'<code class="tex">{escape(tex)}</code>'


def highlight_code(code: str, lang: str, _attrs: Any = None) -> str:
    """Pygments spans for a fenced block (markdown-it wraps them in <pre><code>)."""
    from pygments import highlight  # type: ignore[import-untyped]
    from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
    from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
    from pygments.util import ClassNotFound  # type: ignore[import-untyped]

    if not lang:
        return ""
    try:
        lexer = get_lexer_by_name(lang.split()[0], stripnl=False, ensurenl=False)
    except ClassNotFound:
        return ""
    return str(highlight(code, lexer, HtmlFormatter(nowrap=True)))


@lru_cache(maxsize=1)
def pygments_css() -> str:
    """Token colours for light and dark themes, scoped to rendered Markdown."""
    from pygments.formatters import HtmlFormatter

    light = HtmlFormatter(style="friendly").get_style_defs(".md pre")
    dark = HtmlFormatter(style="monokai").get_style_defs(":root[data-theme=dark] .md pre")
    # Monokai sets a background on the whole block; the page's own code background wins.
    dark = "\n".join(line for line in dark.splitlines() if "background" not in line)
    return f"{light}\n{dark}\n"


def highlight_answer(answer: str, grade: dict[str, Any]) -> Markup:
    """The user's answer with the evidence of covered points and red flags marked.

    Offsets come from the grade (character offsets into `answer`); overlapping spans are
    split so that every character is escaped exactly once.
    """
    spans = _spans(answer, grade)
    cuts = sorted({0, len(answer), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    parts: list[str] = []
    for start, end in itertools.pairwise(cuts):
        labels = [label for s, e, label in spans if s <= start and end <= e]
        text = escape(answer[start:end])
        if not labels:
            parts.append(text)
            continue
        kind = "flag" if any(k == "flag" for k, _ in labels) else "hit"
        names = "; ".join(name for _, name in labels)
        parts.append(f'<mark class="{kind}" title="{escape(names)}">{text}</mark>')
    return Markup("".join(parts))


def _spans(answer: str, grade: dict[str, Any]) -> list[tuple[int, int, tuple[str, str]]]:
    found: list[tuple[int, int, tuple[str, str]]] = []
    items = [("hit", p, n) for n, p in enumerate(grade.get("points", []), 1) if p.get("covered")]
    items += [("flag", f, n) for n, f in enumerate(grade.get("red_flags", []), 1)]
    for kind, item, number in items:
        evidence = item.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        start, end = max(0, start), min(len(answer), end)
        if start < end:
            label = f"point {number}" if kind == "hit" else f"red flag: {item.get('text', '')}"
            found.append((start, end, (kind, label)))
    return found
