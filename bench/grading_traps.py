"""The trap set: for 40 bank items, strong / partial / misconception / negated / buzzword /
off-topic / vague answers, each with a fixed band. Reports the share inside its band, per
type and per split (thresholds are tuned on `tune` only; `holdout` checks generalisation).

    .venv/bin/python -m bench.grading_traps [--reference-only] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

from bench.common import ROOT, log_run
from mlcoach.bank import load_bank
from mlcoach.engine.embedder import load_embedder
from mlcoach.engine.grader import Grader
from mlcoach.engine.rubric import Rubric

TRAPS = ROOT / "bench" / "data" / "trapset.jsonl"
BANDS = {"strong": (3.5, 5.0), "partial": (1.5, 3.5)}
TRAP_BAND = (0.0, 1.5)


def in_band(kind: str, score: float) -> bool:
    low, high = BANDS.get(kind, TRAP_BAND)
    return low <= score <= high


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--reference-only",
        action="store_true",
        help="grade against the model answer alone (no key points, no red flags)",
    )
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()  # fmt: skip
    bank = load_bank()
    grader = Grader(load_embedder())
    records = [json.loads(line) for line in TRAPS.read_text().splitlines() if line.strip()]
    tally: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for record in records:
        question = bank.question(record["id"])
        if args.reference_only:
            rubric = Rubric.from_reference(question.answer, question=question.title)
        else:
            rubric = Rubric.from_question(question)
        score = grader.grade(rubric, record["answer"]).score
        ok = in_band(record["type"], score)
        split = record.get("split", "tune")
        for key in (f"type:{record['type']}", f"split:{split}", "all"):
            tally[key].append(ok)
        if not ok:
            misses.append((split, record["type"], record["id"], score))
    summary = {key: round(sum(v) / len(v), 3) for key, v in sorted(tally.items())}
    log_run("traps" + ("_reference" if args.reference_only else ""),
            {"answers": len(records), "in_band": summary})  # fmt: skip
    if args.show_misses:
        for miss in sorted(misses):
            print(*miss)


if __name__ == "__main__":
    main()
