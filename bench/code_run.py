"""Speed of a coding run: a NumPy reference solution against its hidden tests, sandbox start
included (SPEC §7 target: p50 <= 700 ms).

.venv/bin/python -m bench.code_run [--runs N] [--cli-runs M]

`run` times `run_code()` as a service calls it: a fresh sandbox per run (bubblewrap,
setpriv, rlimits, interpreter and NumPy start), the candidate's file loaded, every hidden
test called through the pipe. `start` is the sandbox start alone (boot + load). `cli` times
the whole `mlcoach code run ID --file F --json` process, which adds Python start-up, the
store and the problem files.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, log_run
from mlcoach.coding import Limits, detect, run_code
from mlcoach.coding.child import Child
from mlcoach.coding.problems import load_problems
from mlcoach.coding.runner import function_name

PROBLEMS = ["softmax-stable", "k-means-lloyd", "adam-step", "multi-head-attention-forward",
            "roc-auc-score"]  # fmt: skip


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1),
            "n": len(ordered)}  # fmt: skip


def time_runs(runs: int) -> tuple[list[float], dict[str, float]]:
    problems = load_problems()
    samples: list[float] = []
    per_problem: dict[str, float] = {}
    for pid in PROBLEMS:
        problem = problems[pid]
        run_code(problem, problem.solution)  # warm the page cache
        mine = []
        for _ in range(runs):
            t = time.perf_counter()
            result = run_code(problem, problem.solution)
            mine.append(time.perf_counter() - t)
            assert result.ok, result.to_dict()
        per_problem[pid] = round(statistics.median(mine) * 1000, 1)
        samples += mine
    return samples, per_problem


def time_starts(runs: int) -> list[float]:
    box, problem = detect(), load_problems()["softmax-stable"]
    samples = []
    for _ in range(runs):
        child = Child(box, problem.solution, function_name(problem.signature), Limits())
        t = time.perf_counter()
        child.start()
        samples.append(time.perf_counter() - t)
        child.close()
    return samples


def time_cli(runs: int) -> list[float]:
    problem = load_problems()["softmax-stable"]
    solution = Path(problem.tests_path).parent / "solution.py"
    mlcoach = Path(sys.executable).parent / "mlcoach"
    cmd = [str(mlcoach), "code", "run", problem.id, "--file", str(solution), "--json"]
    samples = []
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "MLCOACH_DATA_DIR": data}
        subprocess.run(cmd, env=env, capture_output=True, check=True, cwd=ROOT)  # creates the db
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=True, cwd=ROOT)
            samples.append(time.perf_counter() - t)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs per problem")
    parser.add_argument("--cli-runs", type=int, default=5, help="whole CLI processes")
    args = parser.parse_args()
    box = detect()
    samples, per_problem = time_runs(args.runs)
    record = {
        "benchmark": "code_run",
        "sandbox": {"as_root": box.as_root, "seccomp": box.filter is not None},
        "run": percentiles(samples),
        "run_p50_ms_by_problem": per_problem,
        "start": percentiles(time_starts(args.runs)),
        "cli": percentiles(time_cli(args.cli_runs)) if args.cli_runs else None,
        "target_p50_ms": 700,
    }
    record["meets_target"] = record["run"]["p50_ms"] <= 700  # type: ignore[index]
    log_run("code_run", record)


if __name__ == "__main__":
    main()
