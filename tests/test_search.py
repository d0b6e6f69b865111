"""Hybrid search over the bank and related questions."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mlcoach.cli import app
from mlcoach.config import Settings
from mlcoach.services import Services


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services(Settings(data_dir=tmp_path_factory.mktemp("search")))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("adam bias correction why", "adam-moments-bias-correction"),
        ("how do I choose k for k-means", "choosing-k-for-k-means"),
        ("what is the kv cache", "kv-cache-what-and-why"),
    ],
)
def test_search_finds_the_item_first(svc: Services, query: str, expected: str) -> None:
    hits = svc.search(query, limit=5)
    assert hits[0].id == expected
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_related_questions_exclude_the_item_itself(svc: Services) -> None:
    related = svc.related("l1-vs-l2-sparsity", limit=5)
    assert len(related) == 5 and "l1-vs-l2-sparsity" not in {h.id for h in related}


def test_empty_query_gives_no_hits(svc: Services) -> None:
    assert svc.search("   ") == []


def test_search_cli_prints_one_json_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(
        app, ["search", "bias variance trade-off", "--limit", "3", "--json"],
        env={"MLCOACH_DATA_DIR": str(tmp_path)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 3 and set(hits[0]) == {"id", "title", "score"}
