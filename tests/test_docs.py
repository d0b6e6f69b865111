"""Documentation that must not drift from the code."""

from __future__ import annotations

from pathlib import Path

from mlcoach.clidoc import cli_reference

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_matches_the_commands() -> None:
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == cli_reference(), "docs/cli.md is stale: run `make docs`"


def test_readme_gives_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line.startswith("make")] == ["make test"]
