"""`mlcoach` commands for practice (drill, mock interviews, stats); they register themselves on the main Typer app."""

from __future__ import annotations
