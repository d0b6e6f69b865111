"""Alembic environment: runs against the engine that mlcoach passes in."""

from __future__ import annotations

from alembic import context

from mlcoach.store.tables import metadata


def run_migrations() -> None:
    engine = context.config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=True,
            compare_type=True,
        )
        context.run_migrations()


run_migrations()
