"""The content parser and checker, on a fixture bank of valid and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlcoach.bank import load_bank
from mlcoach.bank.frontmatter import split_document
from mlcoach.bank.sections import bullets, formulas, split_sections
from mlcoach.domain import Kind, Level, Role
from mlcoach.errors import ContentError
from tests.conftest import FIXTURES

BANK = FIXTURES / "bank"
Q = "bank/questions"

# Each broken file breaks exactly one rule and must give exactly this message.
EXPECTED = {
    f"{Q}/alpha/bad-formula.md:16": "formula $\\frac{1}{\\eta$ does not convert to MathML: "
    "unbalanced braces: '{' not closed",
    f"{Q}/alpha/bad-yaml.md:4": "invalid YAML front matter: <parser's reason>",
    f"{Q}/alpha/coding-kind.md:4": "coding items live in content/coding/<id>/, not in questions/",
    f"{Q}/alpha/id-mismatch.md:2": "id 'another-id' does not match the file name 'id-mismatch.md'",
    f"{Q}/alpha/minutes-text.md:8": "'minutes' must be a whole number from 1 to 60",
    f"{Q}/alpha/missing-section.md:29": "missing section '## Red flags'",
    f"{Q}/alpha/near-duplicate-title.md:3": "title is a near-duplicate of 'good-item' "
    f"({Q}/alpha/good-item.md)",
    f"{Q}/alpha/no-essential.md:16": "no essential key point (start one bullet with '!')",
    f"{Q}/alpha/no-front-matter.md:1": "missing front matter: the file must start with '---'",
    f"{Q}/alpha/not-utf8.md:7": "file is not valid UTF-8",
    f"{Q}/alpha/short-answer.md:13": "answer has 9 words; 100-400 needed",
    f"{Q}/alpha/two-key-points.md:16": "2 key points; 3-8 needed",
    f"{Q}/alpha/unknown-concept.md:9": "unknown concept 'telepathy' (see content/concepts.yaml)",
    f"{Q}/alpha/unknown-field.md:12": "unknown field 'difficulty'",
    f"{Q}/alpha/unknown-follow-up.md:10": "follow-up 'no-such-question' is not a question id",
    f"{Q}/alpha/unknown-kind.md:4": "unknown kind 'essay' (expected one of concept, scenario, "
    "design, behavioral, fact, coding)",
    f"{Q}/alpha/unknown-level.md:7": "unknown level 'expert' (expected one of junior, mid, senior)",
    f"{Q}/alpha/unknown-role.md:6": "unknown role 'wizard' (expected one of mle, ds, "
    "applied-scientist, ml-scientist, research-scientist, mlops, ml-platform)",
    f"{Q}/alpha/unknown-topic.md:5": "unknown topic 'gamma' (see content/topics.yaml)",
    f"{Q}/alpha/wrong-folder.md:5": "first topic 'beta' must be the item's folder name 'alpha'",
    f"{Q}/beta/good-item.md:2": "duplicate id 'good-item'",
}


@pytest.fixture(scope="module")
def fixture_bank():  # type: ignore[no-untyped-def]
    return load_bank(BANK)


def test_every_broken_file_gives_exactly_its_message(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    found = {f"{p.path}:{p.line}": p.message for p in fixture_bank.problems}
    yaml_key = f"{Q}/alpha/bad-yaml.md:4"
    # libyaml and pure-Python PyYAML word the reason differently; both name the bracket.
    assert "expected ',' or ']'" in found[yaml_key]
    found[yaml_key] = "invalid YAML front matter: <parser's reason>"
    assert found == EXPECTED


def test_valid_files_parse_into_questions(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    good = fixture_bank.questions["good-item"]
    assert good.title == "How does the learning rate affect gradient descent?"
    assert good.kind is Kind.CONCEPT and good.level is Level.JUNIOR
    assert good.roles == (Role.MLE, Role.DS)
    assert good.topic == "alpha" and good.follow_ups == ("other-good-item",)
    assert [k.essential for k in good.key_points] == [True, False, False]
    assert (
        good.key_points[0].text
        == "The learning rate sets the step size along the negative gradient."
    )
    assert good.red_flags == ("Says the learning rate does not matter with Adam.",)
    assert good.follow_up_prompts == ("How would you pick a schedule?",)
    assert "\\theta_{t+1}" in good.answer
    other = fixture_bank.questions["other-good-item"]
    assert other.kind is Kind.FACT and other.topics == ("beta", "alpha")


def test_broken_files_are_left_out_but_the_rest_loads(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    assert "good-item" in fixture_bank.questions
    assert "bad-yaml" not in fixture_bank.questions
    assert "not-utf8" not in fixture_bank.questions


def test_sections_ignore_headings_inside_code_fences() -> None:
    body = "## Answer\ntext\n```python\n## not a heading\n```\n## Key points\n- ! a\n  more\n- b\n"
    _, sections = split_sections(body, first_line=10)
    assert [s.title for s in sections] == ["Answer", "Key points"]
    assert sections[1].line == 15
    found, stray = bullets(sections[1])
    assert [(b.text, b.line) for b in found] == [("! a more", 16), ("b", 18)]
    assert stray == []


def test_formulas_skip_code_and_prices() -> None:
    text = "Cost \\$5 and \\$10.\nInline $a_i$ here, `$not_math$`.\n$$\n\\sum_i x_i\n$$\n"
    assert formulas(text, first_line=1) == [("a_i", 2), ("\\sum_i x_i", 3)]


def test_front_matter_errors_carry_the_line() -> None:
    with pytest.raises(ContentError) as info:
        split_document("---\nid: x\ntitle: [\n", "f.md")
    assert str(info.value).startswith("f.md:")
    with pytest.raises(ContentError, match="not closed"):
        split_document("---\nid: x\n", "f.md")


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    doc = split_document("\ufeff---\r\nid: x\r\ntitle: T\r\n---\r\n## Answer\r\nhi\r\n", "f.md")
    assert doc.meta == {"id": "x", "title": "T"} and doc.key_lines["title"] == 3
