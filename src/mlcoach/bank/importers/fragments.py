"""HTML fragments inside Markdown (answers and titles) turned into safe Markdown via nh3."""

from __future__ import annotations

import re

from mlcoach.bank.importers.htmltext import fragment_to_markdown

_TAG = re.compile(r"(?<!\\)</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")
_PROTECT = re.compile(
    r"(`+)[^`]*?\1|\$\$.+?\$\$|(?<![\\$])\$(?=\S)[^$\n]+?(?<=\S)\$|\\\(.+?\\\)", re.S
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def sanitize_markdown(text: str) -> str:
    """Markdown with every raw HTML fragment (outside code and maths) converted and cleaned."""
    if "<" not in text:
        return text
    out: list[str] = []
    for block, is_code in _blocks(text):
        if is_code or not _has_tag(block):
            out.append(block)
        else:
            out.append(_convert(block))
    return "\n".join(out)


def sanitize_title(text: str) -> str:
    """A title with HTML fragments reduced to their safe text."""
    if "<" not in text or not _has_tag(text):
        return text
    return " ".join(_convert(text).split())


def _has_tag(text: str) -> bool:
    return bool(_TAG.search(_PROTECT.sub(" ", text)))


def _convert(block: str) -> str:
    """Run one paragraph through nh3 and back to Markdown, keeping code spans and maths."""
    kept: list[str] = []

    def hide(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\ue000{len(kept) - 1}\ue001"

    hidden = _PROTECT.sub(hide, block)
    html = re.sub(
        r"&(?![A-Za-z][A-Za-z0-9]{1,31};|#[0-9]{1,7};|#x[0-9a-fA-F]{1,6};)", "&amp;", hidden
    )
    html = html.replace("\n", "<br>\n").replace("\\<", "&lt;")
    html = re.sub(r"<(?![A-Za-z/!])", "&lt;", html)
    converted = fragment_to_markdown(html)
    return re.sub(r"\ue000(\d+)\ue001", lambda m: kept[int(m.group(1))], converted)


def _blocks(text: str) -> list[tuple[str, bool]]:
    """Paragraphs (blank-line separated) and fenced code blocks, in order."""
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    fence = ""
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence:
            current.append(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                blocks.append(("\n".join(current), True))
                current, fence = [], ""
        elif match:
            if current:
                blocks.append(("\n".join(current), False))
            current, fence = [line], match.group(1)
        elif not line.strip():
            if current:
                blocks.append(("\n".join(current), False))
            blocks.append((line, False))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(("\n".join(current), bool(fence)))
    return blocks
