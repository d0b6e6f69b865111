"""The Markdown page reader: what is and is not a question, and what an answer keeps."""

from __future__ import annotations

from mlcoach.bank.importers.common import question_key
from mlcoach.bank.importers.markdown import parse_markdown
from mlcoach.domain import Kind
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "import"


def read(name: str) -> dict[str, str]:
    """Title -> answer of the first question with that title."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    answers: dict[str, str] = {}
    for draft in parse_markdown(text, path=name).drafts:
        answers.setdefault(draft.question.title, draft.question.answer)
    return answers


def test_code_fences_and_display_maths_keep_their_hash_lines_inside_the_answer() -> None:
    answers = read("headings.md")
    loss = answers["What is a loss function?"]
    assert "# mean squared error by hand\n## not a heading either" in loss
    assert "#### Example" in loss and "#### Why it matters" in loss  # sub-headings stay
    assert "$L(y, \\hat{y}) = (y - \\hat{y})^2$" in loss
    kfold = answers["How does k-fold cross-validation work?"]
    assert "# a hash inside maths is not a heading\n$$" in kfold
    assert "##### Pros and cons" in answers["Explain how a random forest decorrelates its trees."]


def test_labels_and_prefixes_are_stripped_from_titles_and_answers() -> None:
    answers = read("numbered.md")
    assert (
        answers["Why do we use the median instead of the mean?"] == "The median resists outliers."
    )
    assert answers["What is bootstrapping?"].startswith("Resampling the data with replacement")
    assert answers["What does statistical power measure?"].endswith(
        "1. Collect more data.\n2. Reduce measurement noise."
    )


def test_html_fragments_are_sanitised_into_markdown() -> None:
    answers = read("details.md")
    residual = answers["Why do residual connections help very deep networks?"]
    assert "alert" not in residual and "<" not in residual
    assert residual.endswith(
        "correction to the identity.\nTraining depth grows from tens to hundreds of layers."
    )
    ranges = answers["Name three activation functions and their ranges"]
    assert "onerror" not in ranges and "onclick" not in ranges and ranges.endswith("**bold**")
    vanishing = answers["What is the vanishing gradient problem?"]
    assert "Sigmoid derivatives are at most 0.25" in vanishing  # a <details>Answer</details>


def test_multiple_choice_right_options_become_essential_key_points() -> None:
    text = (CORPUS / "choices.md").read_text(encoding="utf-8")
    first, second, third = (d.question for d in parse_markdown(text, path="c").drafts)
    assert first.kind is Kind.FACT
    assert [(p.text, p.essential, p.derived) for p in first.key_points] == [
        ("Dropout", True, False),
        ("Weight decay", True, False),
    ]
    assert second.answer == (
        "Correct: Area under the precision-recall curve.\n\n"
        "Accuracy is dominated by the majority class."
    )
    assert third.key_points == () and third.answer == ""


def test_a_link_only_answer_moves_to_sources() -> None:
    text = (CORPUS / "numbered.md").read_text(encoding="utf-8")
    drafts = {d.question.title: d for d in parse_markdown(text, path="n").drafts}
    ci = drafts["What is a confidence interval?"]
    assert ci.needs_answer and ci.link_only
    assert ci.question.sources == ("https://example.org/blog/ci",)


def test_duplicate_keys_are_unicode_normalised_and_ignore_numbering() -> None:
    nfc, nfd = "What is a caf\u00e9 latte?", "What is a cafe\u0301 latte?"
    assert question_key(nfc) == question_key(nfd) == question_key("Q7. WHAT IS A CAFÉ LATTE")
    assert question_key("3) What is **bias**?") == question_key("What is bias")
    assert question_key("What is bias?") != question_key("What is variance?")


def test_top_level_headings_inside_answers_are_demoted_to_level_three() -> None:
    page = "# What is attention?\n\nWeights over values.\n\n## Scaled\n\nDivide by sqrt(d).\n"
    [draft] = parse_markdown(page, path="p").drafts
    assert draft.question.answer == "Weights over values.\n\n### Scaled\n\nDivide by sqrt(d)."


def test_inline_answers_and_wrapped_titles() -> None:
    page = (
        "Q: What is a GPU? A: A processor for parallel arithmetic.\n\n"
        "1. Why\n   normalise inputs?\n\n   Faster, steadier training.\n"
    )
    drafts = parse_markdown(page, path="p").drafts
    assert [(d.question.title, d.question.answer) for d in drafts] == [
        ("What is a GPU?", "A processor for parallel arithmetic."),
        ("Why normalise inputs?", "Faster, steadier training."),
    ]


def test_a_spec_file_is_one_question_with_every_section() -> None:
    page = """---
id: my-item
title: "Explain early stopping: when and why?"
kind: scenario
topics: [training]
roles: [mle, nobody]
level: senior
minutes: 4
---
## Answer
Stop when validation loss stops improving.

## Key points
- ! Watch a validation metric.
- Keep the best checkpoint.

## Red flags
- Says it uses the test set.

## Why it's asked
Tests practical training sense.

## Answer framework
Signal, patience, restore.

## Follow-ups
- How do you pick the patience?
"""
    parsed = parse_markdown(page, path="item.md")
    [draft] = parsed.drafts
    q = draft.question
    assert (q.id, q.title, q.kind.value, q.topics, q.level.value, q.minutes) == (
        "my-item",
        "Explain early stopping: when and why?",
        "scenario",
        ("training",),
        "senior",
        4,
    )
    assert [r.value for r in q.roles] == ["mle"]
    assert [(p.text, p.essential) for p in q.key_points] == [
        ("Watch a validation metric.", True),
        ("Keep the best checkpoint.", False),
    ]
    assert q.red_flags == ("Says it uses the test set.",)
    assert q.follow_up_prompts == ("How do you pick the patience?",)
    assert (q.why_asked, q.framework) == (
        "Tests practical training sense.",
        "Signal, patience, restore.",
    )
    assert [(w.line, w.message) for w in parsed.warnings] == [(6, "unknown role 'nobody': ignored")]


def test_broken_front_matter_is_read_as_a_page_with_a_warning() -> None:
    page = "---\ntitle: [unclosed\n---\n## Answer\n\n## What is a kernel?\nA similarity function.\n"
    parsed = parse_markdown(page, path="p.md")
    assert [d.question.title for d in parsed.drafts] == ["What is a kernel?"]
    assert any("front matter is not valid YAML" in w.message for w in parsed.warnings)


def test_text_without_questions_gives_nothing_and_no_warning() -> None:
    assert parse_markdown("", path="e").drafts == []
    parsed = parse_markdown("Just a paragraph.\n\nAnother one.\n", path="t")
    assert parsed.drafts == [] and parsed.warnings == []
