"""Coding drills: run a candidate's code in a sandbox against a problem's hidden tests.

`run_code(problem, code)` returns a `RunResult`; `detect()` finds the sandbox once and
raises `SandboxError` where untrusted code cannot run safely (no bubblewrap, not Linux).
"""

from __future__ import annotations

from mlcoach.coding.limits import Limits
from mlcoach.coding.results import RunResult, TestResult
from mlcoach.coding.runner import function_name, hidden_tests, run_code
from mlcoach.coding.sandbox import Sandbox, detect

__all__ = [
    "Limits",
    "RunResult",
    "Sandbox",
    "TestResult",
    "detect",
    "function_name",
    "hidden_tests",
    "run_code",
]
