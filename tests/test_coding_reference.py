"""Every coding problem's reference solution passes its own hidden tests (run in-process:
the reference code is ours and trusted; candidates' code goes through the sandbox)."""

from __future__ import annotations

import importlib.util
import inspect
import re
from pathlib import Path
from types import ModuleType

import pytest

from mlcoach.bank import load_bank

PROBLEMS = sorted(load_bank().coding.values(), key=lambda p: p.id)


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.id for p in PROBLEMS])
def test_reference_solution_passes_hidden_tests(problem) -> None:  # type: ignore[no-untyped-def]
    function_name = re.match(r"def\s+(\w+)", problem.signature)
    assert function_name, f"signature of {problem.id} must start with 'def name('"
    tests_path = Path(problem.tests_path)
    folder = tests_path.parent
    solution = _module(folder / "solution.py", f"solution_{problem.id.replace('-', '_')}")
    tests = _module(tests_path, f"hidden_{problem.id.replace('-', '_')}")
    candidate = getattr(solution, function_name.group(1))
    members = inspect.getmembers(tests, inspect.isfunction)
    cases = [f for name, f in members if name.startswith("test_")]
    assert cases, f"{problem.id} has no hidden tests"
    for case in cases:
        case(candidate)
