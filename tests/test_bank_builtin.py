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
