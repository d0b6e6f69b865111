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
    from mlcoach.domain import Grade, User
    from mlcoach.engine.grader import Encoder, Grader
    from mlcoach.engine.search import Hit, SearchIndex
    from mlcoach.store import Store


class Services:
    """One context object per process: settings, the loaded bank and the store."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.warnings: list[str] = []  # shown once by the shell (e.g. the lexical fallback)

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

    # --- grading ----------------------------------------------------------------------
    @cached_property
    def encoder(self) -> Encoder:
        """The one embedding model, shared by grading and search; lexical if none loads."""
        from mlcoach.engine.embedder import ModelUnavailable, load_embedder
        from mlcoach.engine.lexical import LexicalEncoder

        try:
            return load_embedder(self.settings.embedding_model, threads=self.settings.threads)
        except ModelUnavailable as exc:
            self.warnings.append(
                f"{exc}. Grading and search fall back to word overlap, which is less accurate."
            )
            return LexicalEncoder()

    @cached_property
    def grader(self) -> Grader:
        from mlcoach.engine.grader import Grader

        return Grader(self.encoder)

    def grade(self, question_id: str, answer: str) -> Grade:
        from mlcoach.engine.rubric import Rubric

        return self.grader.grade(Rubric.from_question(self.question(question_id)), answer)

    def grade_reference(
        self,
        reference: str,
        answer: str,
        *,
        question: str = "",
        key_points: list[str] | None = None,
    ) -> Grade:
        from mlcoach.engine.rubric import Rubric

        rubric = Rubric.from_reference(reference, question=question, key_points=key_points)
        return self.grader.grade(rubric, answer)

    # --- search ---------------------------------------------------------------------
    @cached_property
    def search_index(self) -> SearchIndex:
        from mlcoach.engine.search import SearchIndex

        cache = self.settings.data_dir / "cache"
        return SearchIndex(list(self.bank.questions.values()), self.encoder, cache_dir=cache)

    def search(self, query: str, *, limit: int = 10) -> list[Hit]:
        return self.search_index.search(query, limit=limit)

    def related(self, question_id: str, *, limit: int = 5) -> list[Hit]:
        self.question(question_id)  # unknown ids are an error, not an empty list
        return self.search_index.related(question_id, limit=limit)

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
