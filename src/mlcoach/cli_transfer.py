"""`mlcoach` commands for importing and exporting questions; they register themselves on the main Typer app."""

from __future__ import annotations
