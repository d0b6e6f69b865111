"""The built-in bank: it loads cleanly and its counts add up."""

from __future__ import annotations

import pytest

from mlcoach.bank import builtin_content_dir, load_bank
from mlcoach.bank.stats import bank_stats, coverage
from mlcoach.domain import Role


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return load_bank()


def test_builtin_bank_has_no_problems(bank) -> None:  # type: ignore[no-untyped-def]
    assert [str(p) for p in bank.problems] == []


def test_builtin_bank_is_found_and_not_empty(bank) -> None:  # type: ignore[no-untyped-def]
    assert (builtin_content_dir() / "concepts.yaml").is_file()
    assert len(bank.questions) >= 20
    assert len({q.topic for q in bank.questions.values()}) >= 5
    assert len(bank.coding) >= 1
    assert Role.MLE in bank.roles


def test_stats_count_each_item_once_under_its_first_topic(bank) -> None:  # type: ignore[no-untyped-def]
    stats = bank_stats(bank)
    assert stats["questions"] == len(bank.questions)
    assert sum(stats["by_topic"].values()) == stats["questions"] + stats["coding"]
    assert sum(stats["by_kind"].values()) == stats["questions"] + stats["coding"]
    assert sum(stats["by_level"].values()) == stats["questions"] + stats["coding"]


def test_every_concept_of_concepts_yaml_has_a_topic_in_topics_yaml(bank) -> None:  # type: ignore[no-untyped-def]
    report = coverage(bank)
    assert set(report) == set(bank.taxonomy.topics)
    assert sum(r["concepts"] for r in report.values()) >= 150


def test_role_guide_weights_are_real_topics(bank) -> None:  # type: ignore[no-untyped-def]
    for guide in bank.roles.values():
        assert abs(sum(guide.topic_weights.values()) - 1) < 1e-3
        assert set(guide.topic_weights) <= set(bank.taxonomy.topics)
        assert guide.rounds and guide.checklist


def test_every_concept_is_covered_and_every_topic_has_its_minimum(bank) -> None:  # type: ignore[no-untyped-def]
    report = coverage(bank)
    missing = {topic: row["missing"] for topic, row in report.items() if row["missing"]}
    short = {
        topic: f"{row['items']}/{row['min_items']}"
        for topic, row in report.items()
        if row["items"] < row["min_items"]
    }
    assert missing == {}
    assert short == {}


def test_part_one_and_part_two_totals(bank) -> None:  # type: ignore[no-untyped-def]
    counts = bank_stats(bank)["by_topic"]
    part_one = ["ml-foundations", "classical-algorithms", "evaluation", "data-features",
                "optimization", "deep-learning", "statistics-math"]  # fmt: skip
    part_two = ["llm-genai", "ml-infrastructure", "mlops", "system-design", "responsible-ai",
                "scenarios", "behavioral"]  # fmt: skip
    assert sum(counts[t] for t in part_one) >= 170
    assert sum(counts[t] for t in part_two) >= 165


def test_seven_role_guides_and_eight_sheets(bank) -> None:  # type: ignore[no-untyped-def]
    assert {r.value for r in bank.roles} == {
        "mle", "ds", "applied-scientist", "ml-scientist", "research-scientist", "mlops",
        "ml-platform",
    }  # fmt: skip
    assert len(bank.sheets) >= 8
    for guide in bank.roles.values():
        for band in guide.salary:
            assert band.source.startswith("https://") and 2020 <= band.year <= 2030


def test_behavioral_items_use_star_and_mark_the_example(bank) -> None:  # type: ignore[no-untyped-def]
    for question in bank.questions.values():
        if question.kind.value == "behavioral":
            assert "STAR" in question.framework or "Situation" in question.framework, question.id
            assert "example" in question.answer[:200].lower(), question.id
