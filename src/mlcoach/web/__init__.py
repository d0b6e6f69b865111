"""The web app: FastAPI + Jinja2 + HTMX over the same Services as the CLI."""

from __future__ import annotations

from mlcoach.web.app import create_app

__all__ = ["create_app"]
