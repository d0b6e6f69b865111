"""What comes back from the sandbox, turned into values and exceptions in the parent.

Only plain data crosses the pipe, so nothing the candidate defines can run here: an
exception becomes the nearest builtin type in its class hierarchy (else RuntimeError)
with the original type name and the candidate's line in its message; a limit or the end
of the process becomes `Stop`, which hidden tests cannot catch.
"""

from __future__ import annotations

import builtins
import re
import signal
from typing import Any

import numpy as np

from mlcoach.coding import harness
from mlcoach.coding.limits import Limits


class Stop(BaseException):
    """The call cannot complete: a limit was hit or the process ended.

    A BaseException, so that a hidden test's `except Exception` cannot swallow it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LoadFailed(Exception):
    """The candidate's file did not load (syntax error, exception, missing function...)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


HINTS = {
    1: "the sandbox allows no new processes, no network and no system calls of that kind",
    13: "the sandbox only lets your code read the interpreter, NumPy and its own file",
    27: "files are limited to {file_mb} MB",
    28: "/tmp holds at most {tmp_mb} MB",
    30: "only /tmp is writable",
    101: "there is no network in the sandbox",
    111: "there is no network in the sandbox",
}


def rebuild(error: Any, limits: Limits) -> BaseException:
    """The exception to raise in the hidden test for the candidate's exception."""
    if not isinstance(error, dict):
        return Stop("your code raised an exception that could not be read")
    name = str(error.get("type", "Exception"))
    bases = [str(b) for b in error.get("bases", []) if isinstance(b, str)]
    message = str(error.get("message", ""))
    where = str(error.get("where") or "")
    if "MemoryError" in bases:
        return Stop(f"{limits.too_much_memory()} ({name}: {message[:200]})")
    detail = message + _hint(message, limits)
    text = " ".join(part for part in (detail, f"(your code, {where})" if where else "") if part)
    exc = _builtin(name, bases, text)
    exc.mlcoach_message = f"{name}: {text}" if detail else f"{name} {text}".strip()  # type: ignore[attr-defined]
    return exc


def _builtin(name: str, bases: list[str], text: str) -> Exception:
    prefix = ""
    for candidate in [name, *(b for b in bases if b not in ("Exception", name))]:
        kind = getattr(builtins, candidate, None)
        if isinstance(kind, type) and issubclass(kind, Exception):
            try:
                return kind(prefix + text)
            except Exception:
                continue
        prefix = f"{name}: "
    return RuntimeError(f"{name}: {text}")


def _hint(message: str, limits: Limits) -> str:
    found = re.match(r"\[Errno (\d+)\]", message)
    hint = HINTS.get(int(found.group(1))) if found else None
    if hint is None:
        return ""
    return f" ({hint.format(file_mb=limits.file_mb, tmp_mb=limits.tmp_mb)})"


def sync(args: tuple[Any, ...], kwargs: dict[str, Any], new_args: Any, new_kwargs: Any) -> None:
    """Mirror the candidate's in-place changes to the arguments onto the test's objects."""
    if isinstance(new_args, list) and len(new_args) == len(args):
        for old, new in zip(args, new_args, strict=True):
            _sync(old, new)
    if isinstance(new_kwargs, dict):
        for key, value in kwargs.items():
            if key in new_kwargs:
                _sync(value, harness.decode(new_kwargs[key]))


def _sync(old: Any, new: Any) -> None:
    if isinstance(old, np.ndarray) and isinstance(new, np.ndarray):
        if old.flags.writeable and old.shape == new.shape and not _same(old, new):
            np.copyto(old, new, casting="unsafe")
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) == len(new):
            for i, (a, b) in enumerate(zip(old, new, strict=True)):
                if isinstance(a, np.ndarray | list | dict):
                    _sync(a, b)
                elif not _same(a, b):
                    old[i] = b
        else:
            old[:] = new
    elif isinstance(old, dict) and isinstance(new, dict):
        if old.keys() != new.keys():
            old.clear()
            old.update(new)
            return
        for key, value in new.items():
            if isinstance(old[key], np.ndarray | list | dict):
                _sync(old[key], value)
            elif not _same(old[key], value):
                old[key] = value


def _same(a: Any, b: Any) -> bool:
    try:
        if isinstance(a, np.ndarray):
            return a.dtype == b.dtype and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
        return type(a) is type(b) and bool(a == b)
    except (TypeError, ValueError):
        return False


def exit_message(code: int, limits: Limits, *, loading: bool) -> str:
    """Why the sandbox ended, from its exit status, in the learner's words."""
    when = " while loading" if loading else ""
    if code > 128 or code < 0:  # bwrap reports a signal as 128 + n; Popen as -n
        signum = code - 128 if code > 128 else -code
        if signum == signal.SIGXCPU:
            return limits.too_much_cpu()
        if signum == signal.SIGKILL:
            return f"your code was stopped by the system{when} (too much CPU time or memory)"
        if signum in (signal.SIGSEGV, signal.SIGBUS):
            return (
                f"your code crashed the interpreter{when} (segmentation fault: "
                "often a runaway recursion)"
            )
        name = signal.Signals(signum).name if signum in signal.valid_signals() else str(signum)
        return f"your code was killed by signal {name}{when}"
    return f"your code ended its process (exit status {code}){when} instead of returning a value"


def outcome(
    reply: dict[str, Any], args: tuple[Any, ...], kwargs: dict[str, Any], limits: Limits
) -> Any:
    """The value a call returns in the parent, or the exception it raises there."""
    kind = reply["kind"]
    try:
        if kind == "return":
            value = harness.decode(reply.get("value"))
            after = reply.get("after")
            if isinstance(after, dict):
                sync(args, kwargs, harness.decode(after.get("args")), after.get("kwargs"))
            return value
    except (harness.WireError, RecursionError, TypeError, ValueError) as exc:
        raise Stop(f"your function's result could not be read: {exc}") from None
    if kind == "raise":
        raise rebuild(reply.get("error"), limits)
    if kind == "exit":
        raise Stop(f"your code called exit({reply.get('code')}) instead of returning a value")
    raise Stop(f"unexpected reply from the sandbox: {kind}")


def load_error(error: Any) -> str:
    """The learner's message for a harness `load_error` reply."""
    if not isinstance(error, dict):
        return "your code did not load"
    if error.get("type") == "SystemExit":
        return f"your code called exit({error.get('message', '')}) while loading"
    where = f" ({error['where']})" if error.get("where") else ""
    return f"{error.get('type', 'Error')}: {error.get('message', '')}{where}"
