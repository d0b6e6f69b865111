"""The fixture corpus (pages written for these tests): exact questions and warnings of each.

Each case is a dry run through the whole import path (parse, de-duplicate, give ids), so
it shows exactly what `mlcoach import FILE --dry-run --json` would import.
"""

from __future__ import annotations

from typing import Any

import pytest

from mlcoach.services import Services
from mlcoach.transfer import import_path
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "import"

# file -> (titles imported in order, skipped, [(warning line, start of message)])
EXPECTED: dict[str, tuple[list[str], int, list[tuple[int, str]]]] = {
    "headings.md": (
        [
            "What is a loss function?",
            "Why do we split data into train and test sets?",
            "How does k-fold cross-validation work?",
            "What is Gini impurity?",
            "Explain how a random forest decorrelates its trees.",
        ],
        1,
        [(9, "table of contents skipped (4 links"), (66, "repeats 'What is a loss function?'")],
    ),
    "numbered.md": (
        [
            "What is a p-value?",
            "What is the difference between a type I and a type II error?",
            "What does statistical power measure?",
            "When would you use a one-sided test?",
            "What is a confidence interval?",
            "What is the central limit theorem?",
            "Why do we use the median instead of the mean?",
            "What is a z-score?",
            "What is bootstrapping?",
            "What is the law of large numbers?",
            "Explain the difference between correlation and causation.",
        ],
        0,
        [(17, "needs an answer: "), (19, "needs an answer (only a link)")],
    ),
    "details.md": (
        [
            "What does dropout do?",
            "Why do residual connections help very deep networks?",
            "What is the vanishing gradient problem?",
            "Name three activation functions and their ranges",
            "What is a learning-rate warm-up?",
        ],
        0,
        [(40, "<details> is never closed")],
    ),
    "choices.md": (
        [
            "Which of these reduce overfitting? Options: Dropout; Adding more layers; "
            "Weight decay; Training for longer.",
            "Which metric suits a heavily imbalanced binary problem? Options: Accuracy; "
            "Area under the precision-recall curve.",
            "Which optimiser has no momentum term? Options: Adam; Plain SGD with Nesterov.",
        ],
        0,
        [(15, "multiple choice with no option marked [x]"), (15, "needs an answer")],
    ),
    "toc_plain.md": (
        ["What is k-means?", "How do you choose k?", "What is DBSCAN?"],
        2,
        [
            (3, "repeats 'What is k-means?' (toc_plain.md:7)"),
            (4, "repeats 'How do you choose k?' (toc_plain.md:12)"),
            (5, "needs an answer: 'What is DBSCAN?'"),
        ],
    ),
    "notes.md": (
        ["Gradient descent", "Momentum", "Learning-rate schedules"],
        0,
        [(1, "no question-shaped lines found: the 3 level-2 headings")],
    ),
    "unicode.md": (
        ["What is a café latte?", "什么是过拟合？"],
        2,
        [(7, "repeats 'What is a café latte?'"), (15, "repeats 'What is a café latte?'")],
    ),
    "page.html": (
        [
            "What is batch normalisation?",
            "Why does the learning rate matter so much?",
            "What does `torch.no_grad()` do?",
            "What is an epoch?",
            "What is a tensor?",
            "What is the softmax function?",
            "What is weight tying?",
        ],
        0,
        [(19, "table of contents skipped (2 links"), (45, "needs an answer (only a link)")],
    ),
    "faq.html": (
        [
            "What is tokenisation?",
            "What is byte-pair encoding?",
            "Explain the attention mechanism in one paragraph.",
            "What is perplexity?",
        ],
        1,
        [(12, "repeats 'What is byte-pair encoding?' (faq.html:7)"), (17, "needs an answer")],
    ),
    "questions.csv": (
        [
            "What is precision?",
            "What is recall?",
            "What is an F1 score?",
            'What is a "confusion matrix"?',
        ],
        1,
        [(5, "row with no question: skipped"), (8, "repeats 'What is precision?'")],
    ),
    "mlops.tsv": (["What is a feature store?", "What is training-serving skew?"], 0, []),
}


def dry_run(services: Services, name: str) -> dict[str, Any]:
    return import_path(services, CORPUS / name, dry_run=True).to_dict()


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_exactly_the_expected_questions(services: Services, name: str) -> None:
    titles, skipped, warnings = EXPECTED[name]
    report = dry_run(services, name)
    assert [q["title"] for q in report["questions"]] == titles
    assert report["imported"] == len(titles) and report["skipped"] == skipped
    found = [(w["line"], w["message"]) for w in report["warnings"]]
    assert len(found) == len(warnings), found
    for (line, message), (want_line, start) in zip(found, warnings, strict=True):
        assert line == want_line and message.startswith(start), (line, message)
    assert all(w["path"] == name for w in report["warnings"])


def test_ids_are_deck_slash_slug_and_unique(services: Services) -> None:
    report = dry_run(services, "unicode.md")
    assert [q["id"] for q in report["questions"]] == [
        "unicode/what-is-a-cafe-latte",
        "unicode/q-72c5580a1e",  # no ASCII words: a stable hash of the question
    ]
    report = import_path(services, CORPUS / "headings.md", deck="My Deck!", dry_run=True)
    assert report.questions[0].id == "my-deck/what-is-a-loss-function"


def test_a_folder_imports_every_file_in_one_deck(services: Services) -> None:
    report = import_path(services, CORPUS, dry_run=True).to_dict()
    assert report["deck"] == "import"
    total = sum(len(titles) for titles, _, _ in EXPECTED.values())
    # "What is a loss function?"-style repeats across files are removed too
    assert report["imported"] == total
    paths = {w["path"] for w in report["warnings"]}
    assert "page.html" in paths and "numbered.md" in paths
