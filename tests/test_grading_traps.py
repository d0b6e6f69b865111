"""The trap set as regression tests: answers that game similarity must stay in their bands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlcoach.bank import load_bank
from mlcoach.engine.embedder import load_embedder
from mlcoach.engine.grader import Grader
from mlcoach.engine.rubric import Rubric

TRAPS = Path(__file__).resolve().parents[1] / "bench" / "data" / "trapset.jsonl"
BANDS = {"strong": (3.5, 5.0), "partial": (1.5, 3.5)}
# Items whose seven answers are all inside their bands today: each must stay there.
PINNED = {
    "bagging-vs-boosting-bias-variance", "k-means-lloyd-and-kmeans-plus-plus",
    "logistic-regression-coefficient-odds-ratio", "target-encoding-leakage-out-of-fold",
    "scaler-fit-before-split-leakage", "class-weight-balanced-calculation",
    "roc-vs-pr-auc-rare-positives", "bert-masking-80-10-10", "rag-wrong-answers-diagnosis",
    "learning-curves-diagnosis", "train-99-val-75-scenario",
    "training-memory-bytes-per-parameter-adam", "multi-model-gpu-serving-platform-design",
    "data-drift-vs-concept-drift", "l1-vs-l2-sparsity", "adam-moments-bias-correction",
    "demographic-parity-vs-equalised-odds", "order-returns-model-99-percent-accuracy",
    "simpsons-paradox-example",
}  # fmt: skip
RECORDS = [json.loads(line) for line in TRAPS.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def scored() -> dict[tuple[str, str], float]:
    bank = load_bank()
    grader = Grader(load_embedder())
    return {
        (r["id"], r["type"]): grader.grade(
            Rubric.from_question(bank.question(r["id"])), r["answer"]
        ).score
        for r in RECORDS
    }


def _band(kind: str) -> tuple[float, float]:
    return BANDS.get(kind, (0.0, 1.5))


@pytest.mark.parametrize(
    "record",
    [r for r in RECORDS if r["id"] in PINNED],
    ids=[f"{r['id']}-{r['type']}" for r in RECORDS if r["id"] in PINNED],
)
def test_pinned_answer_stays_in_its_band(record, scored) -> None:  # type: ignore[no-untyped-def]
    low, high = _band(record["type"])
    assert low <= scored[(record["id"], record["type"])] <= high


def test_whole_trap_set_stays_above_its_floor(scored) -> None:  # type: ignore[no-untyped-def]
    inside = [
        _band(r["type"])[0] <= scored[(r["id"], r["type"])] <= _band(r["type"])[1] for r in RECORDS
    ]
    assert sum(inside) / len(inside) >= 0.85


def test_no_trap_answer_scores_as_a_strong_one(scored) -> None:  # type: ignore[no-untyped-def]
    traps = [r for r in RECORDS if r["type"] not in BANDS]
    too_high = [(r["id"], r["type"]) for r in traps if scored[(r["id"], r["type"])] >= 3.5]
    assert too_high == []
