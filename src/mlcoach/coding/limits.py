"""The limits of one coding run and the messages a learner sees when code breaks one."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mlcoach.domain import CodingProblem

# Address space the interpreter and NumPy take before the candidate's code allocates
# anything (about 130 MB measured), added on top of the problem's memory limit.
INTERPRETER_MB = 256
RUN_BUDGET_FACTOR = 3  # a whole run may take this many per-test limits


@dataclass(frozen=True)
class Limits:
    """Per-test wall time and the resource limits of the sandboxed process."""

    seconds: float = 10.0
    memory_mb: int = 512
    output_bytes: int = 1 << 20
    file_mb: int = 16
    tmp_mb: int = 16
    threads: int = 32
    open_files: int = 64
    reply_bytes: int = 32 << 20
    startup_seconds: float = 30.0

    @classmethod
    def for_problem(cls, problem: CodingProblem) -> Limits:
        return cls(seconds=problem.time_limit_s, memory_mb=problem.memory_mb)

    @property
    def run_seconds(self) -> float:
        """Wall-clock budget of the whole run (all hidden tests together)."""
        return RUN_BUDGET_FACTOR * self.seconds

    @property
    def cpu_seconds(self) -> int:
        """RLIMIT_CPU of one sandbox process: the run budget plus a second of slack."""
        return math.ceil(self.run_seconds) + 1

    @property
    def address_space(self) -> int:
        return (self.memory_mb + INTERPRETER_MB) << 20

    # --- what the learner reads -----------------------------------------------------
    def too_slow(self) -> str:
        return f"your code ran longer than {self.seconds:g} s"

    def run_too_slow(self) -> str:
        return f"your code ran past {self.run_seconds:g} s, the limit for the whole run"

    def not_run(self) -> str:
        return f"not run: the whole run is limited to {self.run_seconds:g} s"

    def too_much_memory(self) -> str:
        return f"your code used more than {self.memory_mb} MB"

    def too_much_cpu(self) -> str:
        return f"your code used more than {self.cpu_seconds} s of CPU time"

    def too_much_output(self) -> str:
        return f"your code printed more than {_size(self.output_bytes)}"

    def too_big_reply(self) -> str:
        return f"your function returned more than {_size(self.reply_bytes)} of data"


def _size(n: int) -> str:
    return f"{n >> 20} MB" if n >= 1 << 20 else f"{n >> 10} KB"
