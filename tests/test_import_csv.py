"""CSV and TSV files: header names or positions, key points, topics, bad rows."""

from __future__ import annotations

from mlcoach.bank.importers.common import Draft
from mlcoach.bank.importers.csv import parse_csv
from tests.conftest import FIXTURES


def test_columns_by_header_with_key_points_and_topics() -> None:
    text = (FIXTURES / "import" / "questions.csv").read_text(encoding="utf-8")
    drafts: dict[str, Draft] = {}
    for draft in parse_csv(text, path="q.csv").drafts:
        drafts.setdefault(draft.question.title, draft)  # the file repeats one question
    precision = drafts["What is precision?"].question
    assert [(p.text, p.essential) for p in precision.key_points] == [
        ("TP / (TP + FP)", True),
        ("ignores false negatives", False),
    ]
    assert precision.topics == ("evaluation",)
    recall = drafts["What is recall?"]
    assert recall.line == 3
    assert recall.question.answer == (
        "The share of actual positives the model finds.\nIt is also called sensitivity."
    )
    assert drafts['What is a "confusion matrix"?'].line == 5 + 2  # after a 2-line record
    f1 = drafts["What is an F1 score?"]
    assert f1.question.topics == ("evaluation-metrics",) and not f1.needs_answer


def test_header_synonyms_semicolons_and_unknown_columns() -> None:
    text = "Front;Back;Deck\nWhat is MLOps?;Running ML in production.;ops\n"
    parsed = parse_csv(text, path="a.csv")
    [draft] = parsed.drafts
    assert (draft.question.title, draft.question.answer) == (
        "What is MLOps?",
        "Running ML in production.",
    )
    assert [(w.line, w.message) for w in parsed.warnings] == [(1, "unknown column 'Deck': ignored")]


def test_rows_without_a_header_are_read_by_position() -> None:
    text = (FIXTURES / "import" / "mlops.tsv").read_text(encoding="utf-8")
    parsed = parse_csv(text, path="m.tsv")
    assert [d.question.title for d in parsed.drafts] == [
        "What is a feature store?",
        "What is training-serving skew?",
    ]
    assert parsed.warnings == []


def test_html_in_cells_is_sanitised_and_empty_files_warn() -> None:
    text = 'question,answer\n"<b>What</b> is X?","<script>x()</script>It is <i>y</i>."\n'
    [draft] = parse_csv(text, path="h.csv").drafts
    assert (draft.question.title, draft.question.answer) == ("What is X?", "It is *y*.")
    assert [w.message for w in parse_csv("", path="e.csv").warnings] == ["empty file"]
