"""Grading speed on this machine: model load, one answer (p50/p95 warm), batch rate, memory.

.venv/bin/python -m bench.grading_speed
"""

from __future__ import annotations

import json
import resource
import time

import numpy as np

from bench.common import ROOT, log_run
from mlcoach.config import Settings
from mlcoach.grading import grade_lines
from mlcoach.services import Services

TRAPS = ROOT / "bench" / "data" / "trapset.jsonl"


def main() -> None:
    svc = Services(Settings())
    start = time.perf_counter()
    _ = svc.encoder
    load = time.perf_counter() - start
    records = [json.loads(line) for line in TRAPS.read_text().splitlines() if line.strip()]
    for record in records[:20]:  # warm-up: loads every rubric's key points into the cache
        svc.grade(record["id"], record["answer"])
    for record in records:
        svc.grade(record["id"], "warm " + record["answer"][:10])
    latencies = []
    for record in records:
        t = time.perf_counter()
        svc.grade(record["id"], record["answer"])
        latencies.append((time.perf_counter() - t) * 1000)
    lines = [json.dumps({"id": r["id"], "answer": r["answer"] + " (batch)"}) for r in records]
    t = time.perf_counter()
    done = sum(1 for _ in grade_lines(svc, lines))
    batch = time.perf_counter() - t
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log_run(
        "grading_speed",
        {
            "answers": len(records),
            "model_load_s": round(load, 3),
            "one_answer_ms_p50": round(float(np.percentile(latencies, 50)), 2),
            "one_answer_ms_p95": round(float(np.percentile(latencies, 95)), 2),
            "batch_answers_per_s": round(done / batch, 1),
            "peak_rss_mb": round(rss_mb, 1),
        },
    )


if __name__ == "__main__":
    main()
