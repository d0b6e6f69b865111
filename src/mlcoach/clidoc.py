"""Generate docs/cli.md from the commands' own --help text (a test fails when it drifts)."""

from __future__ import annotations

from typing import Any

import typer.main
from typer.testing import CliRunner

from mlcoach.cli import app


def cli_reference() -> str:
    root = typer.main.get_command(app)
    parts = [
        "# Command-line reference\n",
        "Generated from `mlcoach --help` by `make docs`; do not edit by hand.\n",
    ]
    runner = CliRunner()
    for path in _walk(root, ["mlcoach"]):
        result = runner.invoke(app, [*path[1:], "--help"], prog_name="mlcoach", terminal_width=100)
        parts.append(f"## `{' '.join(path)}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def _walk(command: Any, path: list[str]) -> list[list[str]]:
    found = [path]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _walk(sub, [*path, name])
    return found


if __name__ == "__main__":
    print(cli_reference(), end="")
