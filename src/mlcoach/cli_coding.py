"""`mlcoach` commands for coding; they register themselves on the main Typer app."""

from __future__ import annotations
