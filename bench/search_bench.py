"""Search quality and speed over a 10,000-question bank (the real bank plus synthetic
distractors): paraphrase recall@5 and query latency p50/p95.

    .venv/bin/python -m bench.search_bench [--size 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import time

import numpy as np

from bench.common import OUT, ROOT, log_run
from mlcoach.bank import load_bank
from mlcoach.domain import KeyPoint, Kind, Question
from mlcoach.engine.embedder import load_embedder
from mlcoach.engine.search import SearchIndex

PARAPHRASES = ROOT / "bench" / "data" / "paraphrases.jsonl"
TEMPLATES = (
    "What is the difference between {a} and {b}?",
    "How would you use {a} when working with {b}?",
    "Explain {a} to a new team member.",
    "When does {a} fail, and what would you use instead?",
    "How do {a} and {b} interact in a production system?",
    "Why might {a} hurt {b}?",
    "Walk me through debugging {a} in a {b} pipeline.",
    "What are the trade-offs of {a} for {b}?",
)


def vocabulary(questions: list[Question]) -> list[str]:
    """Two- and three-word phrases from real titles, so distractors sound like the bank."""
    phrases = set()
    for q in questions:
        words = [w.strip("?,.:()'\"") for w in q.title.split()]
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                chunk = words[i : i + n]
                if all(len(w) > 3 for w in chunk):
                    phrases.add(" ".join(chunk).lower())
    return sorted(phrases)


def synthetic(questions: list[Question], size: int, seed: int = 7) -> list[Question]:
    rng = random.Random(seed)
    terms = vocabulary(questions)
    made = []
    for n in range(max(0, size - len(questions))):
        a, b = rng.sample(terms, 2)
        title = rng.choice(TEMPLATES).format(a=a, b=b)
        points = (KeyPoint(f"{a.capitalize()} matters because of {b}.", True),)
        made.append(Question(f"synthetic-{n}", title, Kind.CONCEPT, ("ml-foundations",),
                             key_points=points, answer=f"{title} {a} {b}"))  # fmt: skip
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args()
    bank = list(load_bank().questions.values())
    items = bank + synthetic(bank, args.size)
    encoder = load_embedder()
    start = time.perf_counter()
    index = SearchIndex(items, encoder, cache_dir=OUT / "cache")
    build = time.perf_counter() - start
    queries = [json.loads(line) for line in PARAPHRASES.read_text().splitlines() if line.strip()]
    for q in queries[:5]:  # warm-up
        index.search(q["query"], limit=5)
    latencies, found = [], 0
    for q in queries:
        t = time.perf_counter()
        hits = index.search(q["query"], limit=5)
        latencies.append((time.perf_counter() - t) * 1000)
        found += any(h.id == q["id"] for h in hits)
    misses = [
        q for q in queries if q["id"] not in {h.id for h in index.search(q["query"], limit=5)}
    ]
    log_run(
        "search",
        {
            "items": len(items),
            "paraphrases": len(queries),
            "recall_at_5": round(found / len(queries), 4),
            "latency_ms_p50": round(float(np.percentile(latencies, 50)), 2),
            "latency_ms_p95": round(float(np.percentile(latencies, 95)), 2),
            "build_seconds": round(build, 1),
            "misses": [m["query"] for m in misses][:20],
        },
    )


if __name__ == "__main__":
    main()
