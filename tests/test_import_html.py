"""Saved web pages: nh3 sanitising, page furniture removed, the Markdown rules applied."""

from __future__ import annotations

from mlcoach.bank.importers.html import parse_html, parse_html_bytes
from mlcoach.bank.importers.htmltext import fragment_to_markdown, page_to_markdown
from tests.conftest import FIXTURES

PAGE = (FIXTURES / "import" / "page.html").read_text(encoding="utf-8")


def answers() -> dict[str, str]:
    return {d.question.title: d.question.answer for d in parse_html(PAGE, path="p").drafts}


def test_scripts_navigation_ads_and_asides_leave_no_trace() -> None:
    markdown, _ = page_to_markdown(PAGE)
    for gone in (
        "injected", "color: teal", "Home", "site about", "GPU", "Great deals", "sidebar",
        "What else", "2025", "track()", "steal", "onerror", "Share this",
    ):  # fmt: skip
        assert gone not in markdown, gone


def test_answers_keep_structure_code_and_maths() -> None:
    found = answers()
    assert found["What is batch normalisation?"] == (
        "It normalises each activation over the mini-batch, then applies a learned scale and "
        "shift.\n\n### At inference time\n\n"
        "Running averages replace the batch statistics **so results do not depend on the batch**."
    )
    assert found["Why does the learning rate matter so much?"].endswith(
        "```python\n# halve the rate every epoch\nlr = 0.1 * 0.5 ** epoch\n```"
    )
    assert found["What is the softmax function?"] == (
        "It turns scores into probabilities: $\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$."
    )
    assert found["What does `torch.no_grad()` do?"].endswith("(image: autograd graph)")


def test_markdown_lines_map_back_to_page_lines() -> None:
    markdown, lines = page_to_markdown(PAGE)
    rows = markdown.split("\n")
    assert len(rows) == len(lines)
    heading = rows.index("## What is batch normalisation?")
    assert PAGE.split("\n")[lines[heading] - 1].strip().startswith('<h2 id="bn">')


def test_declared_charset_is_honoured() -> None:
    page = '<meta charset="iso-8859-1"><h2>What is a caf\xe9?</h2><p>Coffee.</p>'
    parsed = parse_html_bytes(page.encode("latin-1"), path="l.html")
    assert [d.question.title for d in parsed.drafts] == ["What is a café?"]


def test_fragments_become_safe_markdown() -> None:
    html = (
        '<p>A <a href="javascript:alert(1)">bad</a> and a <a href="https://ok.example">good</a>'
        " link.<br>Next &amp; last &lt;line&gt;.</p><ul><li>one</li><li>two<ul><li>deep</li>"
        "</ul></li></ul><iframe src=x></iframe><table><tr><td>a|b</td></tr></table>"
    )
    assert fragment_to_markdown(html) == (
        "A bad and a [good](https://ok.example) link.\nNext & last \\<line>.\n\n"
        "- one\n- two\n  - deep\n\n| a\\|b |\n|---|"
    )


def test_escaped_angle_brackets_stay_text_and_real_tags_go() -> None:
    page = "<h2>What is a &lt;p&gt;-value?</h2><p>x &lt;b&gt; y <b>z</b></p>"
    [draft] = parse_html(page, path="t.html").drafts
    assert (draft.question.title, draft.question.answer) == (
        "What is a <p>-value?",
        "x \\<b> y **z**",
    )
