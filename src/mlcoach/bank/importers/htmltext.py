"""HTML to Markdown for saved pages (keeping each block's source line), Anki fields and
HTML fragments inside Markdown pages. The tree comes sanitised from htmltree.
"""

from __future__ import annotations

import re
from html import escape

from mlcoach.bank.importers.htmltree import (
    BLOCK_TAGS,
    Node,
    blank_scripts,
    content_roots,
    descendants,
    is_noise,
    number_tags,
    parse_tree,
    sanitize,
    text_of,
)

_SPACE = re.compile(r"[ \t\r\n\f]+")
_TAGLIKE = re.compile(r"<(?=[A-Za-z/!])")


def page_to_markdown(raw: str) -> tuple[str, list[int]]:
    """A whole saved page as Markdown, and the source line of each Markdown line."""
    numbered = number_tags(blank_scripts(raw))
    root = parse_tree(sanitize(numbered))
    out = Emitter(escape_starts=True)
    for node in content_roots(root):
        out.container(node)
    return out.text(), out.lines


def fragment_to_markdown(html: str) -> str:
    """A piece of HTML (an Anki field, a fragment in a Markdown page) as Markdown."""
    out = Emitter(escape_starts=False)
    out.container(parse_tree(sanitize(html)))
    return out.text().strip("\n")


class Emitter:
    """Collects Markdown lines, each with the source line of the block it came from."""

    def __init__(self, *, escape_starts: bool) -> None:
        self.out: list[str] = []
        self.lines: list[int] = []
        self.escape_starts = escape_starts

    def text(self) -> str:
        while self.out and not self.out[-1].strip():
            self.out.pop()
            self.lines.pop()
        return "\n".join(self.out)

    def emit(self, text: str, line: int) -> None:
        self.out.append(text)
        self.lines.append(line)

    def blank(self, line: int) -> None:
        if self.out and self.out[-1].strip():
            self.emit("", line)

    def paragraph(self, text: str, line: int) -> None:
        rows = [r.strip() for r in text.split("\n")]
        rows = [r for r in rows if r]
        if not rows:
            return
        self.blank(line)
        for row in rows:
            if self.escape_starts and re.match(r"(#|>|```|~~~|<)", row):
                row = "\\" + row
            self.emit(row, line)
        self.blank(line)

    def container(self, node: Node) -> None:
        run: list[Node | str] = []
        run_line = node.line
        for child in node.children:
            if isinstance(child, Node) and is_noise(child):
                continue
            if isinstance(child, Node) and (child.tag in BLOCK_TAGS or child.tag == "root"):
                self.paragraph(inline(run), run_line)
                run = []
                self.block(child)
                run_line = child.line
            else:
                if not run and isinstance(child, Node):
                    run_line = child.line
                run.append(child)
        self.paragraph(inline(run), run_line)

    def block(self, node: Node) -> None:
        tag, line = node.tag, node.line
        if re.fullmatch(r"h[1-6]", tag):
            title = " ".join(inline(node.children).split())
            if title:
                self.blank(line)
                self.emit(f"{'#' * int(tag[1])} {title}", line)
                self.blank(line)
        elif tag in ("ul", "ol"):
            self._list(node)
        elif tag == "pre":
            self._code(node)
        elif tag == "blockquote":
            self._nested(node, "> ", "> ")
        elif tag == "table":
            self._table(node)
        elif tag == "dt":  # a term that is a question is one, even inside an answer
            term = " ".join(inline(node.children).split())
            self.paragraph(f"Q: {term}" if term.endswith("?") else f"**{term}**", line)
        elif tag == "details":
            self._details(node)
        elif tag == "hr":
            self.blank(line)
            self.emit("* * *", line)
            self.blank(line)
        else:
            self.container(node)

    def _nested(self, node: Node, first: str, rest: str) -> None:
        inner = Emitter(escape_starts=self.escape_starts)
        inner.container(node)
        rows = inner.text().split("\n")
        if not any(r.strip() for r in rows):
            return
        self.blank(node.line)
        for i, (row, line) in enumerate(zip(rows, inner.lines, strict=False)):
            prefix = first if i == 0 else rest
            self.emit((prefix + row).rstrip() if row else rest.rstrip(), line)

    def _list(self, node: Node) -> None:
        start = node.attrs.get("start", "1")
        number = int(start) if start.isdigit() else 1
        self.blank(node.line)
        for child in node.children:
            if not isinstance(child, Node) or child.tag != "li" or is_noise(child):
                continue
            marker = f"{number}. " if node.tag == "ol" else "- "
            number += 1
            box = _checkbox(child)
            inner = Emitter(escape_starts=False)
            inner.container(child)
            rows = inner.text().split("\n")
            if not any(r.strip() for r in rows):
                continue
            keep = [  # a nested list follows its item's text without a blank line
                k
                for k, row in enumerate(rows)
                if row or k + 1 >= len(rows) or not re.match(r"(?:[-*+]|\d+\.) ", rows[k + 1])
            ]
            rows = [rows[k] for k in keep]
            inner.lines = [inner.lines[k] for k in keep if k < len(inner.lines)]
            rows[0] = box + rows[0]
            lines = inner.lines or [child.line]
            for i, row in enumerate(rows):
                prefix = marker if i == 0 else " " * len(marker)
                self.emit(prefix + row if row else "", lines[min(i, len(lines) - 1)])
        self.blank(node.line)

    def _code(self, node: Node) -> None:
        body = text_of(node).strip("\n")
        longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
        fence = "`" * max(3, longest + 1)
        language = ""
        for child in node.children:
            if isinstance(child, Node) and child.tag == "code":
                found = re.search(r"(?:lang|language)-([\w+-]+)", child.attrs.get("class", ""))
                language = found.group(1) if found else ""
        self.blank(node.line)
        self.emit(fence + language, node.line)
        for row in body.split("\n"):
            self.emit(row, node.line)
        self.emit(fence, node.line)
        self.blank(node.line)

    def _table(self, node: Node) -> None:
        rows = descendants(node, "tr")
        cells = [
            [_cell(c) for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")]
            for r in rows
        ]
        rows = [r for r, c in zip(rows, cells, strict=True) if c]
        cells = [c for c in cells if c]
        if not cells:
            return
        width = max(len(r) for r in cells)
        self.blank(node.line)
        for i, (row, tr) in enumerate(zip(cells, rows, strict=False)):
            padded = row + [""] * (width - len(row))
            self.emit("| " + " | ".join(padded) + " |", tr.line)
            if i == 0:
                self.emit("|" + "---|" * width, tr.line)
        self.blank(node.line)

    def _details(self, node: Node) -> None:
        """A page keeps <details> for the question reader; a fragment gets plain Markdown."""
        summary = next(
            (c for c in node.children if isinstance(c, Node) and c.tag == "summary"), None
        )
        rest = Node("div", {}, node.line, [c for c in node.children if c is not summary])
        if not self.escape_starts:
            if summary is not None:
                self.paragraph(_wrap("**", " ".join(inline(summary.children).split())), node.line)
            self.container(rest)
            return
        self.blank(node.line)
        self.emit("<details>", node.line)
        title = " ".join(inline(summary.children).split()) if summary else ""
        summary_line = summary.line if summary else node.line
        self.emit(f"<summary>{escape(title, quote=False)}</summary>", summary_line)
        self.emit("", node.line)
        inner = Emitter(escape_starts=self.escape_starts)
        inner.container(rest)
        for row, line in zip(inner.text().split("\n"), inner.lines, strict=False):
            self.emit(row, line)
        self.blank(node.line)
        self.emit("</details>", node.line)
        self.blank(node.line)


def _cell(node: Node) -> str:
    return " ".join(inline(node.children).split()).replace("|", "\\|")


def _checkbox(item: Node) -> str:
    for child in item.children:
        if isinstance(child, str) and child.strip():
            return ""
        if isinstance(child, Node):
            if child.tag == "input" and child.attrs.get("type", "").lower() == "checkbox":
                return "[x] " if "checked" in child.attrs else "[ ] "
            if child.tag not in ("p", "label", "span"):
                return ""
            found = _checkbox(child)
            if found:
                return found
    return ""


def inline(children: list[Node | str]) -> str:
    """Inline content as Markdown text; <br> becomes a newline."""
    parts: list[str] = []
    for child in children:
        if isinstance(child, str):  # text that looks like a tag stays text: \<b>
            parts.append(_TAGLIKE.sub(r"\\<", _SPACE.sub(" ", child)))
        elif not is_noise(child):
            parts.append(_inline_node(child))
    return "".join(parts)


def _wrap(mark: str, inner: str) -> str:
    core = inner.strip()
    if not core:
        return inner
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    return f"{lead}{mark}{core}{mark}{trail}"


def _inline_node(node: Node) -> str:
    tag = node.tag
    if tag == "br":
        return "\n"
    if tag == "img":
        alt = node.attrs.get("alt", "").strip()
        return f"(image: {alt})" if alt else ""
    if tag == "input":
        if node.attrs.get("type", "").lower() == "checkbox":
            return "[x] " if "checked" in node.attrs else "[ ] "
        return ""
    if tag == "math":
        return _math(node)
    inner = inline(node.children)
    if tag in ("strong", "b"):
        return _wrap("**", inner)
    if tag in ("em", "i", "cite", "dfn"):
        return _wrap("*", inner)
    if tag in ("del", "s", "strike"):
        return _wrap("~~", inner)
    if tag in ("code", "kbd", "samp", "tt"):
        text = text_of(node)
        ticks = "``" if "`" in text else "`"
        return f"{ticks}{text}{ticks}" if text.strip() else text
    if tag == "sup":
        return f"^{inner}"
    if tag == "a":
        href = node.attrs.get("href", "")
        text = " ".join(inner.split())
        return f"[{text}]({href})" if href and text else inner
    return inner


def _math(node: Node) -> str:
    for annotation in descendants(node, "annotation"):
        if "tex" in annotation.attrs.get("encoding", "").lower():
            tex = text_of(annotation).strip()
            marks = "$$" if node.attrs.get("display") == "block" else "$"
            return f"{marks}{tex}{marks}"
    return " ".join(text_of(node).split())
