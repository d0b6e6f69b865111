"""One exception tree for mlcoach; the CLI and web translate it at their edges."""

from __future__ import annotations

from pathlib import Path


class MlcoachError(Exception):
    """Base of every error a user can cause or fix. Shown as one line, never a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ContentError(MlcoachError):
    """A content file is malformed; carries the file and line when known."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int = 1) -> None:
        super().__init__(message)
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return f"{self.path}:{self.line}: {self.message}"


class NotFound(MlcoachError):
    """An id (question, deck, card, problem) that does not exist."""

    exit_code = 2


class ConfigError(MlcoachError):
    """Settings that cannot be used (all problems reported together)."""


class StoreError(MlcoachError):
    """The database cannot be opened, migrated or written."""


class SandboxError(MlcoachError):
    """Untrusted code cannot be run safely on this system."""
