"""Every coding problem's reference solution passes its own hidden tests (run in-process:
the reference code is ours and trusted; candidates' code goes through the sandbox)."""

from __future__ import annotations

import importlib.util
import inspect
import re
import warnings
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


def _run(problem, implementation: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Failure messages of the hidden tests against one implementation file."""
    function_name = re.match(r"def\s+(\w+)", problem.signature)
    assert function_name, f"signature of {problem.id} must start with 'def name('"
    tests_path = Path(problem.tests_path)
    slug = problem.id.replace("-", "_")
    module = _module(implementation, f"impl_{slug}_{implementation.stem}")
    tests = _module(tests_path, f"hidden_{slug}")
    candidate = getattr(module, function_name.group(1))
    members = inspect.getmembers(tests, inspect.isfunction)
    cases = [f for name, f in members if name.startswith("test_")]
    assert len(cases) >= 6, f"{problem.id} has fewer than 6 hidden tests"
    failures = []
    for case in cases:
        try:
            with warnings.catch_warnings():  # candidates' numeric warnings are not failures
                warnings.simplefilter("ignore", RuntimeWarning)
                case(candidate)
        except Exception as exc:
            failures.append(f"{case.__name__}: {type(exc).__name__}: {exc}")
    return failures


def test_there_are_forty_problems() -> None:
    assert len(PROBLEMS) >= 40


@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.id for p in PROBLEMS])
def test_reference_solution_passes_hidden_tests(problem) -> None:  # type: ignore[no-untyped-def]
    folder = Path(problem.tests_path).parent
    assert _run(problem, folder / "solution.py") == []


@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.id for p in PROBLEMS])
def test_each_wrong_solution_fails_naming_its_mistake(problem) -> None:  # type: ignore[no-untyped-def]
    folder = Path(problem.tests_path).parent
    wrong = sorted(folder.glob("wrong_*.py"))
    assert len(wrong) >= 2
    for path in wrong:
        expect = re.search(r"#\s*expect:\s*(.+)", path.read_text(encoding="utf-8"))
        assert expect, f"{path.name} has no '# expect:' line"
        failures = _run(problem, path)
        assert failures, f"{path.name} passes every hidden test"
        wanted = expect.group(1).strip().lower()
        assert any(wanted in f.lower() for f in failures), (path.name, failures)
