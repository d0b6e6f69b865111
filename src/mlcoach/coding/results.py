"""The outcome of running a candidate's code against a problem's hidden tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TestResult:
    """One hidden test: its name, whether it passed, and why not."""

    __test__ = False  # not a pytest class

    name: str
    ok: bool
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "message": self.message}


@dataclass(frozen=True)
class RunResult:
    """Every hidden test's result; `error` is set when the code could not run at all."""

    tests: tuple[TestResult, ...]
    seconds: float
    error: str | None = None
    output: str = field(default="", compare=False)  # what the code printed (capped)

    @property
    def passed(self) -> int:
        return sum(1 for t in self.tests if t.ok)

    @property
    def failed(self) -> int:
        return len(self.tests) - self.passed

    @property
    def ok(self) -> bool:
        return self.error is None and self.failed == 0 and bool(self.tests)

    def to_dict(self) -> dict[str, Any]:
        """The shape of `mlcoach code run --json` (SPEC §4)."""
        return {
            "passed": self.passed,
            "failed": self.failed,
            "error": self.error,
            "tests": [t.to_dict() for t in self.tests],
            "seconds": round(self.seconds, 3),
        }
