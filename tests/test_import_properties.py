"""No input crashes an importer (hypothesis, derandomised, modest example counts)."""

from __future__ import annotations

import contextlib
import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlcoach.bank.importers import Format, parse_file
from mlcoach.bank.importers.common import Parsed
from mlcoach.bank.importers.csv import parse_csv
from mlcoach.bank.importers.fragments import sanitize_markdown
from mlcoach.bank.importers.html import parse_html
from mlcoach.bank.importers.markdown import parse_markdown
from mlcoach.errors import MlcoachError

FUZZ = settings(
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PIECES = [
    "#", "## ", "### Q1: ", "1. ", "2) ", "Q:", "A:", "**Q:**", "**", "__", "- [x] ", "- [ ] ",
    "- ", "* ", "?", "```", "~~~", "$$", "$", "\\[", "<details>", "<summary>", "</summary>",
    "</details>", "<!--", "-->", "<script>", "<b>", "</b>", "<br>", "[toc](#toc)",
    "[x](http://e.x)", "|a|b|", "---", "What is ", "Explain ", "café", "e\u0301", "？", "\t",
    "   ", "Ｑ１：", "\u0000", "\ufeff", "&amp;", "&", "<", ">", "\\", "contents",
]  # fmt: skip
line = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=6).map("".join)
page = st.lists(line, max_size=25).map("\n".join)
tag = st.sampled_from(
    ["<h2>", "</h2>", "<h3 id=x>", "<p>", "</p>", "<details>", "<summary>", "</summary>",
     "</details>", "<ul>", "<li>", "</li>", "<ol start=a>", "<pre><code>", "</code></pre>",
     "<table><tr><td>", "<dl><dt>", "<dd>", "<script>", "</script>", "<nav>", "<div class=ad>",
     "</div>", "<math><annotation encoding=tex>", "<input type=checkbox checked>", "<br/>",
     "<!--", "<a href='#q'>", "</a>", "<main>", "<article>", "<", ">"]
)  # fmt: skip
html_page = st.lists(tag | line, max_size=40).map("".join)


def check(parsed: Parsed, text: str) -> None:
    last = text.count("\n") + 2
    for draft in parsed.drafts:
        assert draft.question.title.strip() and "\n" not in draft.question.title
        assert 1 <= draft.line <= last
    for warning in parsed.warnings:
        assert 1 <= warning.line <= last


@FUZZ
@given(page)
def test_markdown_never_crashes(text: str) -> None:
    check(parse_markdown(text, path="p.md"), text)


@FUZZ
@given(html_page)
def test_html_never_crashes(text: str) -> None:
    parsed = parse_html(text, path="p.html")
    for draft in parsed.drafts:
        assert "<script" not in draft.question.answer.lower()
    check(parsed, text)


@FUZZ
@given(st.lists(st.lists(line, max_size=5).map(",".join), max_size=10).map("\n".join))
def test_csv_never_crashes(text: str) -> None:
    check(parse_csv(text, path="q.csv"), text)


@FUZZ
@given(page)
def test_sanitising_is_stable(text: str) -> None:
    once = sanitize_markdown(text)
    assert sanitize_markdown(once) == once


@settings(max_examples=25, derandomize=True, database=None, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["collection.anki2", "collection.anki21b", "x"]))
def test_apkg_gives_questions_or_one_clear_error(data: bytes, name: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(name, data)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "fuzz.apkg"
        target.write_bytes(buffer.getvalue())
        with contextlib.suppress(MlcoachError):  # a clear error is fine, a crash is not
            parse_file(target, Format.APKG)
