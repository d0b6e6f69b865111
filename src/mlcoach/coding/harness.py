"""The sandbox side of a coding run: load the candidate's file and answer calls over a pipe.

This file runs INSIDE the sandbox with only the standard library and NumPy, so it must
never import this package. The trusted parent imports it too, for the codec: JSON in which NumPy
arrays travel as base64 `.npy` bytes (`allow_pickle=False` both ways; never pickle).

Protocol: the parent writes one JSON request per line on the child's stdin
(`{"id", "args", "kwargs"}`); the harness answers on its original stdout with
`{"token", "id", "kind", ...}` lines, each preceded by a newline so that stray bytes
written by the candidate end up on a line of their own. Before loading the candidate it
moves the protocol to private descriptors and points fd 1 at stderr, so a `print` lands
in the captured output and never on the protocol. None of this is a secret from the
candidate (it shares the process): the parent never trusts a reply beyond "this is what
the function returned", and every verdict is computed by the hidden tests in the parent.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import linecache
import os
import sys
import traceback
from typing import Any

MAX_DEPTH = 64
MAX_ELEMENTS = 50_000_000
ARRAY_KINDS = "biufcUS"  # bool, int, uint, float, complex, str, bytes: no objects, no records


class WireError(ValueError):
    """A value that cannot cross the pipe, or a message that does not decode."""


# --- codec ------------------------------------------------------------------------------
def encode(value: Any, depth: int = 0) -> Any:
    """A JSON-ready form of `value`; containers are tagged so that types survive."""
    if depth > MAX_DEPTH:
        raise WireError("the value is nested too deeply")
    if value is None or type(value) in (bool, int, float, str):
        return value
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.ndarray | np.generic):
        tag = "nd" if isinstance(value, np.ndarray) else "np"
        return {"$": tag, "npy": _npy(np, np.asarray(value))}
    for kind in (bool, int, float, str):
        if isinstance(value, kind):  # subclasses such as IntEnum become the plain type
            return kind(value)
    if isinstance(value, list):
        return [encode(item, depth + 1) for item in value]
    if isinstance(value, tuple | set | frozenset):
        tag = _tag(value)
        return {"$": tag, "items": [encode(item, depth + 1) for item in value]}
    if isinstance(value, dict):
        items = [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]
        return {"$": "dict", "items": items}
    if isinstance(value, complex):
        return {"$": "complex", "re": value.real, "im": value.imag}
    if isinstance(value, bytes | bytearray):
        return {"$": "bytes", "b64": base64.b64encode(bytes(value)).decode("ascii")}
    raise WireError(f"a value of type {type(value).__name__} cannot be passed to or from the tests")


def _tag(value: Any) -> str:
    if isinstance(value, tuple):
        return "tuple"
    return "frozenset" if isinstance(value, frozenset) else "set"


def _npy(np: Any, array: Any) -> str:
    if array.dtype.kind not in ARRAY_KINDS or array.dtype.fields is not None:
        raise WireError(
            f"arrays of dtype {array.dtype} cannot be passed: use numbers, booleans or strings"
        )
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def decode(data: Any, depth: int = 0) -> Any:
    """The value `encode` produced; raises WireError on anything else."""
    if depth > MAX_DEPTH:
        raise WireError("the value is nested too deeply")
    if data is None or type(data) in (bool, int, float, str):
        return data
    if isinstance(data, list):
        return [decode(item, depth + 1) for item in data]
    if not isinstance(data, dict):
        raise WireError(f"unexpected JSON value of type {type(data).__name__}")
    tag = data.get("$")
    try:
        return _decode_tagged(tag, data, depth)
    except WireError:
        raise
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise WireError(f"malformed {tag!r} value: {exc}") from None


def _decode_tagged(tag: Any, data: dict[str, Any], depth: int) -> Any:
    if tag in ("nd", "np"):
        array = _load(data["npy"])
        return array if tag == "nd" else array[()]
    if tag in ("tuple", "set", "frozenset"):
        items = [decode(item, depth + 1) for item in data["items"]]
        return {"tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
    if tag == "dict":
        return {decode(k, depth + 1): decode(v, depth + 1) for k, v in data["items"]}
    if tag == "complex":
        return complex(float(data["re"]), float(data["im"]))
    if tag == "bytes":
        return base64.b64decode(data["b64"], validate=True)
    raise WireError(f"unknown tag {tag!r}")


def _load(text: Any) -> Any:
    import numpy as np

    if not isinstance(text, str):
        raise WireError("an array must be base64 text")
    array = np.load(io.BytesIO(base64.b64decode(text, validate=True)), allow_pickle=False)
    if array.dtype.kind not in ARRAY_KINDS or array.dtype.fields is not None:
        raise WireError(f"arrays of dtype {array.dtype} are not accepted")
    if array.size > MAX_ELEMENTS:
        raise WireError(f"an array of {array.size} elements is too large")
    return array


def dumps(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"))


# --- errors -----------------------------------------------------------------------------
def describe(exc: BaseException, path: str) -> dict[str, Any]:
    """What the parent needs to rebuild an exception: type names, message and location."""
    kind = type(exc)
    bases = [c.__name__ for c in kind.__mro__ if c.__module__ == "builtins"]
    try:
        message = str(exc)
    except Exception:
        message = "(the exception message could not be shown)"
    return {
        "type": kind.__name__,
        "bases": bases,
        "message": message[:4000],
        "where": _where(exc, path),
    }


def _where(exc: BaseException, path: str) -> str:
    if isinstance(exc, SyntaxError) and exc.filename == path and exc.lineno:
        return f"line {exc.lineno}"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    if not frames:
        return ""
    frame = frames[-1]
    source = (linecache.getline(path, frame.lineno or 0) or "").strip()
    where = f"line {frame.lineno} in {frame.name}"
    return f"{where}: {source[:120]}" if source else where


# --- the child's main loop ----------------------------------------------------------------
class _Channel:
    def __init__(self, token: str) -> None:
        self.token = token
        self.reader = os.fdopen(os.dup(0), "rb")
        self.out = os.dup(1)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.dup2(2, 1)  # print() now goes to the captured output, not the protocol

    def send(self, call_id: int, kind: str, **fields: Any) -> None:
        for stream in (sys.stdout, sys.stderr):  # what was printed arrives before the reply
            with contextlib.suppress(Exception):
                stream.flush()
        line = dumps({"token": self.token, "id": call_id, "kind": kind, **fields})
        data = b"\n" + line.encode() + b"\n"
        while data:
            data = data[os.write(self.out, data) :]


def _load_candidate(path: str, name: str) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("solution", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["solution"] = module
    spec.loader.exec_module(module)
    function = getattr(module, name, None)
    if not callable(function):
        raise NameError(f"your code does not define a function named {name}()")
    return function


def _serve(channel: _Channel, function: Any, path: str) -> None:
    while True:
        line = channel.reader.readline()
        if not line:
            return
        request = json.loads(line)
        call_id, raw_args, raw_kwargs = request["id"], request["args"], request["kwargs"]
        args = decode(raw_args)
        kwargs = {k: decode(v) for k, v in raw_kwargs.items()}
        try:
            value = function(*args, **kwargs)
        except SystemExit as exc:
            channel.send(call_id, "exit", code=str(exc.code))
            continue
        except BaseException as exc:
            channel.send(call_id, "raise", error=describe(exc, path))
            continue
        _reply(channel, call_id, value, args, kwargs, raw_args, raw_kwargs)


def _reply(channel: _Channel, call_id: int, value: Any, *state: Any) -> None:
    args, kwargs, raw_args, raw_kwargs = state
    try:
        payload = encode(value)
    except Exception as exc:
        error = {
            "type": "TypeError",
            "bases": ["TypeError"],
            "where": "",
            "message": f"your function returned a value the tests cannot read: {exc}",
        }
        channel.send(call_id, "raise", error=error)
        return
    fields: dict[str, Any] = {"value": payload}
    try:  # in-place changes to the arguments are mirrored back, as if the call were local
        after_args, after_kwargs = encode(args), {k: encode(v) for k, v in kwargs.items()}
        if dumps([after_args, after_kwargs]) != dumps([raw_args, raw_kwargs]):
            fields["after"] = {"args": after_args, "kwargs": after_kwargs}
    except Exception:
        pass
    channel.send(call_id, "return", **fields)


def main(argv: list[str]) -> int:
    token, path, name, site = argv[1:5]
    channel = _Channel(token)
    sys.dont_write_bytecode = True
    sys.path.insert(0, site)
    try:
        import numpy  # noqa: F401  (loaded before the clock starts for the candidate)
    except BaseException as exc:
        channel.send(0, "boot_error", message=f"{type(exc).__name__}: {exc}")
        return 3
    channel.send(0, "boot")
    try:
        function = _load_candidate(path, name)
    except BaseException as exc:
        channel.send(0, "load_error", error=describe(exc, path))
        return 0
    channel.send(0, "ready")
    _serve(channel, function, path)
    return 0


if __name__ == "__main__":  # pragma: no cover - runs inside the sandbox
    sys.exit(main(sys.argv))
