"""Use-cases joining the pure core (bank, engine, practice) and the store.

The CLI and the web call these; they never touch the store or the bank directly.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlcoach.config import Settings
from mlcoach.domain import Question

if TYPE_CHECKING:
    from mlcoach.bank import Bank, Problem
    from mlcoach.domain import User
    from mlcoach.store import Store


class Services:
    """One context object per process: settings, the loaded bank and the store."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def bank(self) -> Bank:
        from mlcoach.bank import load_bank

        return load_bank(self.settings.content_dir)

    @cached_property
    def store(self) -> Store:
        from mlcoach.store import Store

        return Store.open(self.settings.resolved_database_url())

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()

    # --- bank -----------------------------------------------------------------
    def check_bank(self, content_dir: Path | None = None) -> list[Problem]:
        from mlcoach.bank import load_bank

        if content_dir is None:
            return list(self.bank.problems)
        return load_bank(content_dir).problems

    def bank_stats(self) -> dict[str, Any]:
        from mlcoach.bank.stats import bank_stats

        return bank_stats(self.bank)

    def coverage(self) -> dict[str, dict[str, Any]]:
        from mlcoach.bank.stats import coverage

        return coverage(self.bank)

    def question(self, question_id: str) -> Question:
        """A built-in question, or one the local user imported (`<deck>/<slug>` ids)."""
        if question_id in self.bank.questions or "/" not in question_id:
            return self.bank.question(question_id)
        return self.store.imported.get(self.local_user().id, question_id)

    # --- store ----------------------------------------------------------------
    def local_user(self) -> User:
        return self.store.users.ensure(self.settings.user)

    def upgrade_database(self) -> str:
        from mlcoach.store.db import current_revision, make_engine, upgrade

        engine = make_engine(self.settings.resolved_database_url())
        try:
            upgrade(engine)
            return current_revision(engine) or "empty"
        finally:
            engine.dispose()
