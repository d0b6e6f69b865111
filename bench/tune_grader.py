"""Grid search of the grader's thresholds on the TUNE split of the trap set only (never on
Mohler). Prints the best settings and their in-band rate on tune and holdout.

    .venv/bin/python -m bench.tune_grader
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import replace

from bench.common import ROOT
from bench.grading_traps import in_band
from mlcoach.bank import load_bank
from mlcoach.engine.embedder import load_embedder
from mlcoach.engine.grader import Grader, Thresholds
from mlcoach.engine.rubric import Rubric

REFERENCE_GRID = {
    "derived_floor": [0.05, 0.10, 0.15, 0.20, 0.25],
    "derived_full": [0.40, 0.45, 0.50, 0.55, 0.65],
}
GRID = {
    "covered": [0.46, 0.50],
    "partial": [0.20, 0.25, 0.30],
    "long_point_relief": [0.05, 0.10, 0.15],
    "covered_story": [0.30, 0.35],
    "essential_weight": [1.5, 2.0],
}


def rate(grader: Grader, cases: list[tuple[Rubric, str, str]]) -> float:
    return sum(in_band(kind, grader.grade(r, a).score) for r, a, kind in cases) / len(cases)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference-only", action="store_true")
    args = parser.parse_args()
    bank = load_bank()
    encoder = load_embedder()
    records = [json.loads(x) for x in (ROOT / "bench/data/trapset.jsonl").read_text().splitlines()]
    split = {"tune": [], "holdout": []}  # type: dict[str, list[tuple[Rubric, str, str]]]
    for r in records:
        question = bank.question(r["id"])
        if args.reference_only:
            rubric = Rubric.from_reference(question.answer, question=question.title)
        else:
            rubric = Rubric.from_question(question)
        split[r.get("split", "tune")].append((rubric, r["answer"], r["type"]))
    grid = REFERENCE_GRID if args.reference_only else GRID
    results = []
    for values in itertools.product(*grid.values()):
        settings = dict(zip(grid, values, strict=True))
        if settings.get("derived_floor", 0) >= settings.get("derived_full", 1):
            continue
        thresholds = replace(Thresholds(), **settings)
        results.append((rate(Grader(encoder, thresholds), split["tune"]), settings))
    results.sort(key=lambda x: -x[0])
    for tune, settings in results[:5]:
        holdout = rate(Grader(encoder, replace(Thresholds(), **settings)), split["holdout"])
        print(json.dumps({"tune": round(tune, 3), "holdout": round(holdout, 3), **settings}))


if __name__ == "__main__":
    main()
