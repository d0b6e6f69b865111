"""A live countdown pinned to the top line of the terminal while the user types."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import IO


class LiveClock:
    """A countdown pinned to the top line of the terminal while the user types below it.

    Uses a VT100 scroll region (rows 2 to the bottom) so typing never overwrites it; on
    anything but an interactive POSIX terminal it does nothing (the prompt shows the time).
    """

    def __init__(
        self,
        text: Callable[[], str],
        *,
        enabled: bool = True,
        stream: IO[str] | None = None,
        interval: float = 1.0,
    ) -> None:
        self.text = text
        self.stream = stream or sys.stdout
        self.interval = interval
        self.enabled = enabled and _vt100(self.stream)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> LiveClock:
        if self.enabled:
            rows = shutil.get_terminal_size().lines
            self._write(f"\n\x1b7\x1b[2;{rows}r\x1b8")
            self._draw()
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._write("\x1b7\x1b[1;1H\x1b[2K\x1b8\x1b7\x1b[r\x1b8")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._draw()

    def _draw(self) -> None:
        self._write(f"\x1b7\x1b[1;1H\x1b[2K\x1b[1m{self.text()}\x1b[0m\x1b8")

    def _write(self, data: str) -> None:
        self.stream.flush()
        os.write(self.stream.fileno(), data.encode("utf-8", errors="replace"))


def _vt100(stream: IO[str]) -> bool:
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return interactive and os.name == "posix" and os.environ.get("TERM", "dumb") != "dumb"
