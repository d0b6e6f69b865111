"""HTML as a small tree: sanitised with nh3, each element carrying its source line.

Nothing here executes or fetches anything: scripts, styles, frames and forms are removed
by nh3 with their content; navigation, ads and hidden elements are recognised by
`is_noise` (role, class or id) and skipped by the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

import nh3

INLINE_TAGS = {
    "a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "img", "input", "ins", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "u", "var", "br", "wbr", "math", "semantics", "annotation", "font", "tt",
}  # fmt: skip
BLOCK_TAGS = {
    "address", "article", "blockquote", "caption", "center", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
NOISE_TAGS = {
    "script", "style", "nav", "footer", "aside", "form", "noscript", "iframe", "template",
    "svg", "button", "select", "textarea", "object", "embed", "canvas", "audio", "video",
    "head", "title", "dialog", "menu", "map",
}  # fmt: skip
NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
NOISE_WORDS = {
    "ad", "ads", "adsbygoogle", "advert", "advertisement", "adverts", "advertising",
    "sponsor", "sponsored", "promo", "promotion", "banner", "cookie", "cookies", "consent",
    "newsletter", "subscribe", "subscription", "share", "sharing", "social", "sidebar",
    "breadcrumb", "breadcrumbs", "related", "recommended", "popup", "modal", "comments",
    "comment", "disqus", "toolbar", "skip", "sr", "visually", "navbar", "menu", "footer",
}  # fmt: skip
VOID = {"br", "wbr", "img", "input", "hr", "col", "area", "source", "track", "meta", "link"}
ATTRIBUTES = {
    "*": {"data-l", "class", "id", "role", "aria-hidden", "hidden"},
    "a": {"href"},
    "img": {"alt"},
    "input": {"type", "checked"},
    "ol": {"start"},
    "math": {"display"},
    "annotation": {"encoding"},
}

_SCRIPTISH = re.compile(r"<!--.*?(?:-->|$)|<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.S | re.I)
_TEX_SCRIPT = re.compile(r"<script\b[^>]*type\s*=\s*[\"']?math/tex(; *mode=display)?", re.I)
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node | str] = field(default_factory=list)


def sanitize(html: str) -> str:
    """nh3 with an allow-list: structure and text only, no scripts, handlers or frames."""
    return nh3.clean(
        html,
        tags=INLINE_TAGS | BLOCK_TAGS,
        clean_content_tags=NOISE_TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def blank_scripts(raw: str) -> str:
    """Turn TeX scripts into $...$ and drop other scripts, styles and comments, keeping lines."""

    def repl(match: re.Match[str]) -> str:
        chunk = match.group(0)
        tex = _TEX_SCRIPT.match(chunk)
        if tex:
            body = re.sub(r"^<script\b[^>]*>|</script\s*>$", "", chunk, flags=re.I).strip()
            marks = "$$" if tex.group(1) else "$"
            return escape(f"{marks}{body}{marks}", quote=False) + "\n" * chunk.count("\n")
        return "\n" * chunk.count("\n")

    return _SCRIPTISH.sub(repl, raw)


def number_tags(raw: str) -> str:
    """Give every start tag a data-l attribute with its source line (kept through nh3)."""
    pieces: list[str] = []
    line, cursor = 1, 0
    for match in _START_TAG.finditer(raw):
        line += raw.count("\n", cursor, match.start())
        pieces.append(raw[cursor : match.start()])
        pieces.append(f'{match.group(0)} data-l="{line}"')
        cursor = match.end()
    pieces.append(raw[cursor:])
    return "".join(pieces)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        parent = self.stack[-1]
        line = int(values["data-l"]) if values.get("data-l", "").isdigit() else parent.line
        node = Node(tag, values, line)
        parent.children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_tree(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def is_noise(node: Node) -> bool:
    """Page furniture: hidden, navigation by role, or ads/sharing/cookie boxes by class/id."""
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("role", "").lower() in NOISE_ROLES:
        return True
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
    return bool(NOISE_WORDS.intersection(re.split(r"[^a-z0-9]+", names)))


def content_roots(root: Node) -> list[Node]:
    """The page's <main>, else its outermost <article>s, else everything."""
    for tag in ("main", "article"):
        found = _outermost(root, tag)
        if found:
            return found
    return [root]


def _outermost(node: Node, tag: str) -> list[Node]:
    found: list[Node] = []
    for child in node.children:
        if isinstance(child, Node) and not is_noise(child):
            found += [child] if child.tag == tag else _outermost(child, tag)
    return found


def text_of(node: Node) -> str:
    return "".join(c if isinstance(c, str) else text_of(c) for c in node.children)


def descendants(node: Node, tag: str) -> list[Node]:
    found: list[Node] = []
    for child in node.children:
        if isinstance(child, Node):
            found += [child] if child.tag == tag else descendants(child, tag)
    return found
