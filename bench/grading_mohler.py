"""Agreement of the grader with human graders on the Mohler/UNT short-answer data set.

Uses only each question and its reference answer; nothing is fitted on Mohler scores.
Gold: score_avg_official_v2. Also reports the baseline (plain embedding cosine of answer
and reference) from the same run.

    .venv/bin/python bench/grading_mohler.py [--note "what changed"]
"""

from __future__ import annotations

import argparse
import csv
import time

import numpy as np

from bench.common import SHARED_DATA, log_run
from mlcoach.engine.embedder import load_embedder
from mlcoach.engine.grader import Grader
from mlcoach.engine.rubric import Rubric

DATA = SHARED_DATA / "asag" / "mohler.csv"


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def rmse(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.sqrt(np.mean((a - b) ** 2)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--note", default="")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    if args.limit:
        rows = rows[: args.limit]
    embedder = load_embedder()
    grader = Grader(embedder)
    gold = np.array([float(r["score_avg_official_v2"]) for r in rows])
    start = time.perf_counter()
    ours = np.array([
        grader.grade(Rubric.from_reference(r["reference_answer"], question=r["question"]),
                     r["student_answer"]).score
        for r in rows
    ])  # fmt: skip
    seconds = time.perf_counter() - start
    answers = embedder.encode([r["student_answer"] for r in rows])
    references = embedder.encode([r["reference_answer"] for r in rows])
    cosine = np.sum(answers * references, axis=1)
    log_run(
        "mohler",
        {
            "note": args.note,
            "answers": len(rows),
            "grader_pearson": round(pearson(ours, gold), 4),
            "grader_rmse": round(rmse(ours, gold), 4),
            "grader_mean": round(float(ours.mean()), 3),
            "baseline_cosine_pearson": round(pearson(cosine, gold), 4),
            "baseline_cosine_rmse_5x": round(rmse(np.clip(5 * cosine, 0, 5), gold), 4),
            "gold_mean": round(float(gold.mean()), 3),
            "seconds": round(seconds, 1),
        },
    )


if __name__ == "__main__":
    main()
