"""Run a problem's hidden tests, in this trusted process, against code in a sandbox.

Each hidden test function receives a proxy in place of the candidate's function; calling
it runs the real function in the sandboxed child. So the tests, and every verdict, stay
here: the candidate's code can only ever return values, never say "passed".
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from mlcoach.coding.child import Child
from mlcoach.coding.limits import Limits
from mlcoach.coding.replies import LoadFailed, Stop
from mlcoach.coding.results import RunResult, TestResult
from mlcoach.coding.sandbox import Sandbox, detect
from mlcoach.domain import CodingProblem
from mlcoach.errors import ContentError

MAX_MESSAGE = 1500

HiddenTest = Callable[[Callable[..., Any]], Any]


def function_name(signature: str) -> str:
    """`kmeans` for "def kmeans(X, k) -> tuple"."""
    found = re.match(r"\s*def\s+([A-Za-z_]\w*)\s*\(", signature)
    if not found:
        raise ContentError(f"the signature {signature!r} does not start with 'def name('")
    return found.group(1)


def hidden_tests(problem: CodingProblem) -> list[tuple[str, HiddenTest]]:
    """The problem's test functions, in the order they are written."""
    path = Path(problem.tests_path)
    name = "mlcoach_hidden_" + re.sub(r"\W", "_", problem.id)
    module = _import(path, name)
    found = [
        (attr, func)
        for attr, func in vars(module).items()
        if attr.startswith("test_") and inspect.isfunction(func) and func.__module__ == name
    ]
    if not found:
        raise ContentError("the hidden tests define no test_ function", path=path)
    return sorted(found, key=lambda item: item[1].__code__.co_firstlineno)


def _import(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ContentError("cannot load the hidden tests", path=path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise ContentError(f"the hidden tests do not load: {exc}", path=path) from None
    finally:
        sys.modules.pop(name, None)
    return module


def run_code(
    problem: CodingProblem,
    code: str,
    *,
    limits: Limits | None = None,
    sandbox: Sandbox | None = None,
) -> RunResult:
    """Run `code` against the problem's hidden tests; SandboxError if it cannot run safely."""
    box = sandbox or detect()
    limits = limits or Limits.for_problem(problem)
    tests = hidden_tests(problem)
    function = function_name(problem.signature)
    started = time.monotonic()
    session = _Session(box, code, function, limits, started + limits.run_seconds)
    try:
        results = [session.run(name, test) for name, test in tests]
    finally:
        session.close()
    seconds = time.monotonic() - started
    output = session.child.output.decode("utf-8", "replace")
    return RunResult(tuple(results), seconds, session.load_error, output)


@dataclass
class _Session:
    box: Sandbox
    code: str
    function: str
    limits: Limits
    run_deadline: float

    def __post_init__(self) -> None:
        self.child = Child(self.box, self.code, self.function, self.limits)
        self.load_error: str | None = None
        self.deadline = self.run_deadline

    def close(self) -> None:
        self.child.close()

    def run(self, name: str, test: HiddenTest) -> TestResult:
        if self.load_error:
            return TestResult(name, False, "not run: your code did not load")
        if time.monotonic() >= self.run_deadline:
            return TestResult(name, False, self.limits.not_run())
        try:
            if not self.child.alive:
                self.child.start()
        except LoadFailed as exc:
            self.load_error = f"your code did not load: {exc.message}"
            return TestResult(name, False, "not run: your code did not load")
        except Stop as stop:  # the first start of a run reports how loading went
            self.load_error = f"your code did not load: {stop.message}"
            return TestResult(name, False, "not run: your code did not load")
        self.deadline = min(time.monotonic() + self.limits.seconds, self.run_deadline)
        return self._verdict(name, test)

    def _verdict(self, name: str, test: HiddenTest) -> TestResult:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the tests' own numeric warnings are noise
                test(_Proxy(self, self.function))
        except Stop as stop:
            return TestResult(name, False, self._timeout_wording(stop.message))
        except AssertionError as exc:
            return TestResult(name, False, _assertion(exc, name))
        except Exception as exc:
            message = getattr(exc, "mlcoach_message", None) or f"{type(exc).__name__}: {exc}"
            return TestResult(name, False, _clip(str(message)))
        return TestResult(name, True, "")

    def _timeout_wording(self, message: str) -> str:
        if message.startswith(self.limits.too_slow()) and self.deadline >= self.run_deadline:
            return self.limits.run_too_slow()
        return _clip(message)


class _Proxy:
    """Stands in for the candidate's function inside a hidden test."""

    def __init__(self, session: _Session, name: str) -> None:
        self._session = session
        self.__name__ = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._session.child.call(args, kwargs, deadline=self._session.deadline)

    def __repr__(self) -> str:
        return f"<your {self.__name__}()>"


def _assertion(exc: AssertionError, name: str) -> str:
    text = str(exc).strip()
    return _clip(text) if text else f"{name} failed"


def _clip(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"
