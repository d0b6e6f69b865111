"""One sandboxed interpreter serving calls to the candidate's function.

The parent talks to it over the child's stdin (requests) and stdout (replies, one JSON line
each, with the run's token and the call id); whatever else the child writes, on stderr or
on the protocol pipe, is captured as output and never read as a verdict. Every wait has a
deadline; on a timeout or any limit everything the run started is killed.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from mlcoach.coding import harness
from mlcoach.coding.limits import Limits
from mlcoach.coding.replies import LoadFailed, Stop, exit_message, load_error, outcome
from mlcoach.coding.sandbox import BOX, SITE, Sandbox, children_of, processes_of
from mlcoach.errors import SandboxError

KEEP_OUTPUT = 8 << 10  # bytes of printed output kept for the learner


class Child:
    """Start with `start()`, call with `call()`, always `close()`."""

    def __init__(self, box: Sandbox, code: str, function: str, limits: Limits) -> None:
        self.box, self.function, self.limits = box, function, limits
        self.run_dir = Path(tempfile.mkdtemp(prefix="mlcoach-run-"))
        self.run_dir.chmod(0o755)
        (self.run_dir / "box").mkdir(mode=0o755)
        (self.run_dir / "box" / "solution.py").write_text(code, encoding="utf-8")
        (self.run_dir / "box" / "harness.py").write_text(_harness_source(), encoding="utf-8")
        self.output = bytearray()
        self.output_total = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.token = ""
        self.uid = box.new_uid()
        self._calls = 0
        self._exit_code = 0
        self._killed_for: str | None = None

    # --- lifecycle ----------------------------------------------------------------------
    def start(self) -> None:
        """Boot a fresh sandbox and load the candidate's file; raise LoadFailed or Stop."""
        self.kill()
        self.token = os.urandom(16).hex()
        self.uid = self.box.new_uid()
        stage = self.run_dir / "stage"
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(mode=0o755)
        self._spawn()
        boot = self._await(0, time.monotonic() + self.limits.startup_seconds, starting=True)
        if boot["kind"] != "boot":
            raise SandboxError(f"the sandbox could not start: {boot.get('message', boot)}")
        ready = self._await(0, time.monotonic() + self.limits.seconds, loading=True)
        if ready["kind"] == "load_error":
            error = ready.get("error") or {}
            raise LoadFailed(load_error(error))
        if ready["kind"] != "ready":
            raise LoadFailed("your code did not load")

    def _spawn(self) -> None:
        read_end, write_end = os.pipe()
        if self.box.filter is not None:
            os.write(write_end, self.box.filter)  # a few hundred bytes: fits the pipe
        os.close(write_end)
        argv = [f"{BOX}/harness.py", self.token, f"{BOX}/solution.py", self.function, SITE]
        filter_fd = read_end if self.box.filter is not None else None
        cmd = self.box.command(
            self.run_dir, uid=self.uid, limits=self.limits, argv=argv, filter_fd=filter_fd
        )
        try:
            self.process = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
                pass_fds=[read_end],
                start_new_session=True,
            )
        except OSError as exc:
            raise SandboxError(f"the sandbox could not start: {exc}") from None
        finally:
            os.close(read_end)
        self._pending = b""
        self._lines: list[bytes] = []
        self._proto = bytearray()
        self._eof = False
        self._killed_for = None
        self._selector = selectors.DefaultSelector()
        assert self.process.stdout and self.process.stderr and self.process.stdin
        for stream in (self.process.stdout, self.process.stderr, self.process.stdin):
            os.set_blocking(stream.fileno(), False)
        self._selector.register(self.process.stdout.fileno(), selectors.EVENT_READ, "proto")
        self._selector.register(self.process.stderr.fileno(), selectors.EVENT_READ, "noise")

    @property
    def alive(self) -> bool:
        return self.process is not None and not self._eof and self.process.poll() is None

    def kill(self, reason: str | None = None) -> None:
        """End the run's processes (see below), then any left with this run's uid."""
        process = self.process
        if process is None:
            return
        self._killed_for = self._killed_for or reason
        self._kill_namespace(process)
        self._drain_noise()
        self.process = None
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        self._selector.close()
        self._sweep()
        self._exit_code = process.returncode

    def _kill_namespace(self, process: subprocess.Popen[bytes]) -> None:
        """SIGKILL the run's pid 1: the kernel then kills and reaps everything under it.

        The outer bwrap then exits on its own and is reaped here, so no zombie is left to
        the host's init. Before the namespace exists, kill the process group instead.
        """
        if process.poll() is not None:
            return
        inits = children_of(process.pid)  # pid 1 of the run's namespace, seen from here
        for pid in inits:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if not inits:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

    def _sweep(self) -> None:
        if not self.box.as_root:
            return  # the pid namespace took its processes with it; the uid is the user's
        for pid in processes_of(self.uid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def close(self) -> None:
        self.kill()
        shutil.rmtree(self.run_dir, ignore_errors=True)

    # --- calls --------------------------------------------------------------------------
    def call(self, args: tuple[Any, ...], kwargs: dict[str, Any], *, deadline: float) -> Any:
        """Run the candidate's function once; returns its value or raises what it raised."""
        if not self.alive:
            raise Stop(self._death())
        self._calls += 1
        try:
            request = {
                "id": self._calls,
                "args": harness.encode(list(args)),
                "kwargs": {k: harness.encode(v) for k, v in kwargs.items()},
            }
        except harness.WireError as exc:
            raise TypeError(
                f"the hidden test passed a value the sandbox cannot send: {exc}"
            ) from None
        self._pending += harness.dumps(request).encode() + b"\n"
        assert self.process is not None and self.process.stdin is not None
        with contextlib.suppress(KeyError):  # still registered if a reply came early
            self._selector.register(self.process.stdin.fileno(), selectors.EVENT_WRITE, "in")
        reply = self._await(self._calls, deadline)
        return outcome(reply, args, kwargs, self.limits)

    def _await(
        self, call_id: int, deadline: float, *, starting: bool = False, loading: bool = False
    ) -> dict[str, Any]:
        """The next protocol message for `call_id`; anything else is counted as output."""
        while True:
            while self._lines:
                message = self._parse(self._lines.pop(0), call_id)
                if message is not None:
                    return message
            if self._eof:
                if starting:
                    raise SandboxError(f"the sandbox could not start: {self._stderr_tail()}")
                raise Stop(self._death(loading=loading))
            self._pump(deadline, starting=starting, loading=loading)

    def _parse(self, line: bytes, call_id: int) -> dict[str, Any] | None:
        try:
            message = json.loads(line)
        except (ValueError, RecursionError):
            message = None
        valid = (
            isinstance(message, dict)
            and message.get("token") == self.token
            and message.get("id") == call_id
            and isinstance(message.get("kind"), str)
        )
        if valid:
            return message  # type: ignore[no-any-return]
        if line.strip():
            self._note_output(line + b"\n")
        return None

    def _pump(self, deadline: float, *, starting: bool, loading: bool) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            if starting:
                self.kill()
                raise SandboxError("the sandbox did not start in time")
            message = self.limits.too_slow() + (" while loading" if loading else "")
            self.kill(message)
            raise Stop(message)
        for key, _ in self._selector.select(remaining):
            if key.data == "in":
                self._write(key.fd)
            else:
                self._read(key.fd, key.data)

    def _write(self, fd: int) -> None:
        try:
            written = os.write(fd, self._pending[: 1 << 16])
        except BlockingIOError:
            return
        except BrokenPipeError:
            written = len(self._pending)
        self._pending = self._pending[written:]
        if not self._pending:
            self._selector.unregister(fd)

    def _read(self, fd: int, stream: str) -> None:
        try:
            data = os.read(fd, 1 << 16)
        except BlockingIOError:
            return
        if not data:
            self._selector.unregister(fd)
            self._eof = self._eof or stream == "proto"
            return
        if stream == "noise":
            self._note_output(data)
            return
        self._proto += data
        *lines, rest = bytes(self._proto).split(b"\n")
        self._proto = bytearray(rest)
        self._lines.extend(lines)
        if len(self._proto) > self.limits.reply_bytes:
            self.kill(self.limits.too_big_reply())
            raise Stop(self.limits.too_big_reply())

    def _note_output(self, data: bytes) -> None:
        self.output_total += len(data)
        room = KEEP_OUTPUT - len(self.output)
        if room > 0:
            self.output += data[:room]
        if self.output_total > self.limits.output_bytes:
            self.kill(self.limits.too_much_output())
            raise Stop(self.limits.too_much_output())

    def _drain_noise(self) -> None:
        """Keep what the child printed just before it died (bounded, non-blocking)."""
        if self.process is None or self.process.stderr is None:
            return
        try:
            data = os.read(self.process.stderr.fileno(), KEEP_OUTPUT)
        except (BlockingIOError, OSError, ValueError):
            return
        room = KEEP_OUTPUT - len(self.output)
        self.output += data[: max(room, 0)]

    # --- why it ended -----------------------------------------------------------------
    def _death(self, *, loading: bool = False) -> str:
        if self.process is not None and not self._killed_for:
            try:  # the channel closed: the process normally ends a moment later
                self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self._killed_for = "your code closed the channel to the tests"
        self.kill()
        if self._killed_for:
            return self._killed_for
        return exit_message(self._exit_code, self.limits, loading=loading)

    def _stderr_tail(self) -> str:
        self.kill()
        text = self.output.decode("utf-8", "replace").strip().splitlines()
        return text[-1] if text else f"exit status {self._exit_code}"


def _harness_source() -> str:
    return Path(harness.__file__).read_text(encoding="utf-8")
