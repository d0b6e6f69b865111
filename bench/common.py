"""Shared helpers for the benchmarks: machine description, timing, result logging."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SHARED_DATA = ROOT.parent / "shared" / "data"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    except OSError:
        return "?"


def log_run(name: str, record: dict[str, object]) -> None:
    """Append one run to bench/out/<name>.jsonl (every run is kept, not only the best)."""
    OUT.mkdir(parents=True, exist_ok=True)
    record = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "commit": commit(),
              "machine": machine(), **record}  # fmt: skip
    with (OUT / f"{name}.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    print(json.dumps(record, indent=2))
